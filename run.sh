#!/usr/bin/env bash
# The one entry point: ./run.sh (the main job), ./run.sh test, ./run.sh <verb> [options].
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

CLI=src/RapiConformance.Cli/bin/Release/net10.0/rapi-conformance.dll

build() {
  if ! dotnet build RapiConformance.sln -c Release -nologo -v quiet -clp:ErrorsOnly >/tmp/rapi-conformance-build.log 2>&1; then
    cat /tmp/rapi-conformance-build.log >&2
    echo "run.sh: build failed" >&2
    exit 2
  fi
}

cmd=${1:-main}
case "$cmd" in
  test)
    shift
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
    build
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
