# Arguments and environment across foreign execs: quoting, unicode, empty args.
printf '%s|' "a b" "" "c'd" 'é"f' $'tab\there'; echo
X='multi
line' bash -c 'printf "[%s]\n" "$X"'
python3 -c 'import sys, os; print(sys.argv[1:], os.environ["Y"])' one "two three" '' --four Y=ignored
Y=ok perl -e 'print join("|", @ARGV, $ENV{Y}), "\n"' 1 "2 3"
env -i A=1 B=2 env | sort
