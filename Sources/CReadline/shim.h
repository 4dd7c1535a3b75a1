// GNU readline for Swift: the one place touchpoint reaches the C library.
// readline.h expects FILE to be declared before it is included.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
