# Builds and installs touchpoint: a release binary, its man page (from swift-argument-parser's generate-manual
# plugin) and bash, zsh and fish completions.
#
#   make install                      # into /usr/local (may need sudo)
#   make install PREFIX=$HOME/.local  # into your home; put $HOME/.local/bin on PATH
#   make install DESTDIR=/tmp/stage PREFIX=/usr   # for packagers: stage under DESTDIR
#   make uninstall PREFIX=...
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BINDIR = $(DESTDIR)$(PREFIX)/bin
MAN1DIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

RELEASE = .build/release/touchpoint
MANPAGE = .build/plugins/GenerateManual/outputs/touchpoint/touchpoint.1
COMPLETIONS = .build/completions

.PHONY: all build man completions install uninstall clean-install-files

all: build man completions

build:
	$(SWIFT) build -c release --product touchpoint

# The plugin builds the release product itself and writes the page under .build/plugins/.
man: build
	$(SWIFT) package generate-manual --configuration release

completions: build
	mkdir -p $(COMPLETIONS)
	$(RELEASE) --generate-completion-script bash > $(COMPLETIONS)/touchpoint.bash
	$(RELEASE) --generate-completion-script zsh > $(COMPLETIONS)/_touchpoint
	$(RELEASE) --generate-completion-script fish > $(COMPLETIONS)/touchpoint.fish

install: all
	install -d $(BINDIR) $(MAN1DIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(RELEASE) $(BINDIR)/touchpoint
	# The generated page separates paragraphs of a discussion with empty lines, which mdoc warns about: use .Pp.
	sed 's/^$$/.Pp/' $(MANPAGE) > $(MAN1DIR)/touchpoint.1
	chmod 644 $(MAN1DIR)/touchpoint.1
	install -m 644 $(COMPLETIONS)/touchpoint.bash $(BASHDIR)/touchpoint
	install -m 644 $(COMPLETIONS)/_touchpoint $(ZSHDIR)/_touchpoint
	install -m 644 $(COMPLETIONS)/touchpoint.fish $(FISHDIR)/touchpoint.fish

uninstall:
	rm -f $(BINDIR)/touchpoint $(MAN1DIR)/touchpoint.1 $(BASHDIR)/touchpoint $(ZSHDIR)/_touchpoint $(FISHDIR)/touchpoint.fish
