#!/usr/bin/env bash
# The one entry point: ./run.sh (the main job), ./run.sh test, ./run.sh <verb> [options].
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

CLI=src/RapiConformance.Cli/bin/Release/net10.0/rapi-conformance.dll

# Build once; later verbs run the built CLI and rebuild only when an input changed since the last good
# build (newer than the stamp). flock: two verbs started together wait for one build, not break it.
STAMP=obj/.run-sh-build.stamp
inputs_newer() {
  [[ -f "$STAMP" && -f "$CLI" ]] || return 0
  [[ -n "$(find src tests bench spec suites known-deviations RapiConformance.sln ./*.props ./*.targets global.json \
      -newer "$STAMP" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]]
}
build() {
  local force=${1:-}
  mkdir -p obj
  exec 9>obj/.run-sh-build.lock
  flock 9
  if [[ -n "$force" ]] || inputs_newer; then
    local log; log=$(mktemp)
    local start; start=$(mktemp); # stamp time = before the build started, so edits during it count
    if ! dotnet build RapiConformance.sln -c Release -nologo -v quiet -clp:ErrorsOnly >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log" "$start"
      echo "run.sh: build failed" >&2
      exit 2
    fi
    mv "$start" "$STAMP"; rm -f "$log"
  fi
  flock -u 9
  exec 9>&-
}

cmd=${1:-main}
case "$cmd" in
  test)
    shift
    # The machine's packages (.ci/packages): as root install what is missing, else name it and stop.
    if [[ $EUID -eq 0 ]]; then
      .ci/deps.sh install || exit 2
    elif ! msg=$(.ci/deps.sh check); then
      echo "run.sh test: $msg" >&2
      exit 2
    fi
    build
    rm -rf TestResults
    # Each test project writes a TRX file; .ci/run counts from them.
    dotnet test RapiConformance.sln -c Release --no-build -nologo \
      --logger "trx" --results-directory TestResults "$@"
    ;;
  bench)
    shift
    dotnet run -c Release --project bench/RapiConformance.Benchmarks -- "$@"
    ;;
  build)
    build force
    ;;
  main)
    build
    exec dotnet "$CLI" demo
    ;;
  -h|--help|help)
    build
    exec dotnet "$CLI" --help
    ;;
  *)
    shift
    build
    exec dotnet "$CLI" "$cmd" "$@"
    ;;
esac
