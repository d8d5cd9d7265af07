#!/usr/bin/env bash
# Shows ./run.sh builds once: two verbs started together build once (flock), a second verb does not
# build, an edited source rebuilds, ./run.sh build always builds. Uses a fake dotnet on PATH (no real build).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"; cd "$repo"
fake=$(mktemp -d); log=$fake/log; cli=src/RapiConformance.Cli/bin/Release/net10.0/rapi-conformance.dll
cat >"$fake/dotnet" <<F
#!/usr/bin/env bash
if [[ \$1 == build ]]; then echo build >>"$log"; sleep 2; mkdir -p "$(dirname "$cli")"; touch "$cli"; exit 0; fi
echo run >>"$log"
F
chmod +x "$fake/dotnet"; export PATH=$fake:$PATH
had_cli=0; [[ -f $cli ]] && had_cli=1
saved=$(mktemp); [[ -f obj/.run-sh-build.stamp ]] && cp -p obj/.run-sh-build.stamp "$saved"; rm -f obj/.run-sh-build.stamp
fail() { echo "FAIL: $*"; cat "$log"; exit 1; }
count() { grep -c "^$1\$" "$log" || true; }
./run.sh spec & ./run.sh check & wait
[[ $(count build) == 1 && $(count run) == 2 ]] || fail "two verbs at once: want 1 build, 2 runs"
: >"$log"; ./run.sh spec; [[ $(count build) == 0 ]] || fail "second verb rebuilt"
: >"$log"; sleep 1; f=$(git ls-files 'src/*.cs' | sed -n 1p); touch "$f"; ./run.sh spec
[[ $(count build) == 1 ]] || fail "edited $f but no rebuild"
: >"$log"; ./run.sh build; [[ $(count build) == 1 ]] || fail "./run.sh build did not build"
rm -f obj/.run-sh-build.stamp; (( had_cli )) || rm -f "$cli"; rm -rf "$fake"
echo "run-sh-build-once: passed"
