#!/usr/bin/env bash
# Sets up a fresh machine: Node dependencies from the lock file, and the Debian packages the
# tests need (installed by the project, never by hand). Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
