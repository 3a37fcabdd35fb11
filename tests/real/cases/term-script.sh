# Terminals: util-linux script runs programs on a pseudo-terminal (stty, tty, interactive bash, isatty).
script -q -c 'stty cols 80 rows 24; stty size; tty | sed "s/[0-9]*$//"; stty -a | head -2 | tr -s " "; test -t 0 && echo tty0' /dev/null < /dev/null | tr -d '\r'
script -q -c 'bash -i -c "echo interactive \$-" 2>/dev/null | tr -cd "a-z \n"' /dev/null < /dev/null | tr -d '\r' | grep -o 'interactive [a-zA-Z]*' | sed 's/[a-zA-Z]*$/X/'
script -q -c 'python3 -c "import os, sys; print(os.isatty(0), os.get_terminal_size())"' /dev/null < /dev/null | tr -d '\r'
printf 'abc\n' | script -q -c 'read -r x; echo "got $x"' /dev/null | tr -d '\r' | tail -1
