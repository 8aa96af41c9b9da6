#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing: chromium (browser tests,
# driven by Playwright with executable_path=/usr/bin/chromium, never `playwright install`),
# fonts-wqy-microhei (Chinese text in screenshots), fonts-noto-color-emoji (emoji in quotes) and postgresql (the store tests start their own
# throw-away cluster from its binaries - see tests/pgcluster.py - on a free localhost port, and stop
# it afterwards). Needs root (CI runs as root); without it those tests are skipped outside CI and
# fail under CI=true.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || need+=(fonts-noto-color-emoji)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "system-deps: cannot install ${need[*]} without root; browser/PostgreSQL tests will not run" >&2
  exit 0
fi
echo "system-deps: installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
