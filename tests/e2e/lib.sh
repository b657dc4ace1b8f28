# Small assertion helpers for the end-to-end scripts. Each failure prints what was expected and exits 1.
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_contains() { # haystack needle what
  grep -qF -- "$2" <<<"$1" || fail "$3: expected to find '$2' in:"$'\n'"$1"
}
expect_status() { # expected actual what
  [ "$1" -eq "$2" ] || fail "$3: exit status $2, expected $1"
}
