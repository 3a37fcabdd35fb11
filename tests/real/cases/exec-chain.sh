# exec chains across interpreters: bash -> python -> perl -> sh -> lua.
python3 -c 'import os; os.execvp("perl", ["perl", "-e", "exec(\"sh\", \"-c\", q{echo sh sees $0; exec lua5.4 -e \"print(\x27lua at the end\x27)\"})"])'
echo "back in bash $?"
