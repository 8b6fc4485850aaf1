#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (Playwright's own browser downloads are not
# available here). Install it when missing and we are root; otherwise say what to do.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then exit 0; fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: /usr/bin/chromium is missing; installing Debian's chromium package"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 chromium fonts-liberation
  exit 0
fi

echo "ensure-chromium: /usr/bin/chromium is missing." >&2
echo "The end-to-end tests need Debian's Chromium. Install it with:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-liberation" >&2
exit 1
