# `make install PREFIX=...` installs a working release binary, a man page that man renders, and completions.
set -euo pipefail
prefix="$WORK/prefix"
make install PREFIX="$prefix" > "$WORK/make.log" 2>&1 || { tail -30 "$WORK/make.log"; exit 1; }
for f in bin/touchpoint share/man/man1/touchpoint.1 share/bash-completion/completions/touchpoint \
         share/zsh/site-functions/_touchpoint share/fish/vendor_completions.d/touchpoint.fish; do
  [ -s "$prefix/$f" ] || { echo "install: $f is missing or empty"; exit 1; }
done
"$prefix/bin/touchpoint" --help > "$WORK/help.txt"
grep -q "USAGE: touchpoint <subcommand>" "$WORK/help.txt"
"$prefix/bin/touchpoint" validate --strict questionnaires/ > /dev/null
MANPAGER=cat MANWIDTH=100 man -l "$prefix/share/man/man1/touchpoint.1" > "$WORK/man.txt" 2> "$WORK/man.err"
grep -q "touchpoint" "$WORK/man.txt"
grep -qi "validate" "$WORK/man.txt"
grep -qi "simulate" "$WORK/man.txt"
if grep -qi "warning" "$WORK/man.err"; then cat "$WORK/man.err"; exit 1; fi
grep -q "_files -g" "$prefix/share/zsh/site-functions/_touchpoint"
bash -n "$prefix/share/bash-completion/completions/touchpoint"
make uninstall PREFIX="$prefix" > /dev/null
[ ! -e "$prefix/bin/touchpoint" ] || { echo "install: uninstall left the binary"; exit 1; }
echo "install: binary, man page ($(wc -l < "$WORK/man.txt") lines rendered) and completions installed and removed"
