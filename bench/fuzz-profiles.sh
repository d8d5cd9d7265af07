#!/usr/bin/env bash
# Fuzz the clean reference server on every profile: one server (--no-ssl, a fresh state directory) and one
# `fuzz --write-scope all` per profile, all at once, each for BUDGET (default 5m). Reports and logs go to
# OUT/<profile>/ (default reports/fuzz-profiles). Exit 1 when any run found something.
# usage: bench/fuzz-profiles.sh [BUDGET] [OUT]
set -u
cd "$(dirname "$0")/.."
BUDGET=${1:-5m}; OUT=$(realpath -m "${2:-reports/fuzz-profiles}")
CLI=src/RapiConformance.Cli/bin/Release/net10.0/rapi-conformance.dll
[ -f "$CLI" ] || ./run.sh build
one() { # profile port seed
  local dir=$OUT/$1; rm -rf "$dir"; mkdir -p "$dir/state"
  printf 'fz fzpw write\n' > "$dir/users"
  dotnet "$CLI" serve --profile "$1" --port "$2" --no-ssl --users "$dir/users" --state "$dir/state" > "$dir/serve.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 60); do curl -s -m 1 "http://127.0.0.1:$2/version" > /dev/null && break; sleep 0.5; done
  dotnet "$CLI" fuzz --target "http://127.0.0.1:$2/" --user fz --password fzpw --profile "$1" --budget "$BUDGET" \
    --seed "$3" --write-scope all --report "$dir/report" > "$dir/fuzz.log" 2>&1
  local rc=$?
  kill "$server"; wait "$server" 2> /dev/null
  echo "profile $1: $(grep -E '^[0-9]+ cases' "$dir/fuzz.log") exit $rc"
  return $rc
}
one 2.0 5591 301 & a=$!; one 2.5 5592 302 & b=$!; one 3.0 5593 303 & c=$!
rc=0; for p in $a $b $c; do wait "$p" || rc=1; done
exit $rc
