#!/usr/bin/env bash
# The machine's packages for the tests, from .ci/packages (the one list).
#   .ci/deps.sh check     print nothing and exit 0 when all are present; else one line naming what is
#                         missing and the command that installs it, exit 1
#   .ci/deps.sh install   install what is missing (root: apt-get, npm install -g); on a failure print
#                         the failing command's last lines and exit 1
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
list="${RAPI_PACKAGES:-$here/packages}"   # RAPI_PACKAGES: another list (for tests)
export DEBIAN_FRONTEND=noninteractive

missing_apt=(); missing_npm=(); missing_files=()
while read -r kind name cmd _; do
  case "$kind" in ''|'#'*) continue ;; esac
  if [[ "$kind" != file && -n "${cmd:-}" ]] && command -v "$cmd" >/dev/null 2>&1; then continue; fi
  case "$kind" in
    apt) dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed' || missing_apt+=("$name") ;;
    npm) base=$name; [[ "$name" =~ ^(@?[^@]+)@ ]] && base=${BASH_REMATCH[1]}
         npm ls -g --depth=0 "$base" >/dev/null 2>&1 || missing_npm+=("$name") ;;
    file) # "file PATH PACKAGE": PATH must exist (symlinks followed) once PACKAGE is installed
         [[ -e "$name" ]] || { missing_files+=("$name"); dpkg-query -W -f='${Status}' "$cmd" 2>/dev/null \
           | grep -q 'install ok installed' || missing_apt+=("$cmd"); } ;;
    *) echo "$list: unknown kind '$kind' for $name (apt or npm)" >&2; exit 2 ;;
  esac
done <"$list"

install_cmd() {
  local parts=()
  (( ${#missing_apt[@]} )) && parts+=("apt-get install -y --no-install-recommends ${missing_apt[*]}")
  (( ${#missing_npm[@]} )) && parts+=("npm install -g ${missing_npm[*]}")
  local IFS='&'; local joined="${parts[*]}"; echo "${joined//&/ && }"
}

case "${1:-check}" in
  check)
    (( ${#missing_apt[@]} + ${#missing_npm[@]} + ${#missing_files[@]} == 0 )) && exit 0
    if (( ${#missing_apt[@]} + ${#missing_npm[@]} == 0 )); then
      echo "missing: ${missing_files[*]} although its packages are installed (see .ci/packages)"
    else
      echo "missing: ${missing_apt[*]} ${missing_npm[*]} -- install with: sudo $(install_cmd) (or .ci/deps.sh install as root)" | tr -s ' '
    fi
    exit 1
    ;;
  install)
    (( ${#missing_apt[@]} + ${#missing_npm[@]} == 0 )) && { echo "all packages of .ci/packages are present"; exit 0; }
    if [[ $EUID -ne 0 ]]; then
      echo "installing packages needs root: sudo $(install_cmd)" >&2; exit 1
    fi
    if (( ${#missing_apt[@]} )); then
      echo "installing (apt): ${missing_apt[*]}"
      log=$(mktemp)
      if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing_apt[@]}"; } >"$log" 2>&1; then
        tail -20 "$log" >&2
        echo "apt-get install failed for: ${missing_apt[*]} (full log: $log)" >&2
        exit 1
      fi
      rm -f "$log"
    fi
    if (( ${#missing_npm[@]} )); then
      echo "installing (npm): ${missing_npm[*]}"
      log=$(mktemp)
      if ! npm install -g --silent "${missing_npm[@]}" >"$log" 2>&1; then
        tail -20 "$log" >&2
        echo "npm install -g failed for: ${missing_npm[*]} (full log: $log)" >&2
        exit 1
      fi
      rm -f "$log"
    fi
    # Installed is not enough: check again (a postinst that did not create what a test needs shows here).
    exec "$0" check
    ;;
  *) echo "usage: .ci/deps.sh check|install" >&2; exit 2 ;;
esac
