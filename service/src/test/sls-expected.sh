#!/usr/bin/env bash
# Regenerates services/<case>/expected-template.json from Serverless Framework v3's own
# `sls package` (the reference), normalising the deployment timestamp to the one the tests use
# (2026-11-26T12:00:00.000Z). usage: sls-expected.sh SLS_BIN CASE_DIR...
# SLS_BIN: node_modules/.bin/sls of serverless@3.40.0 (see /work/shared/peers/serverless).
set -euo pipefail
SLS=$1; shift
export SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off
for dir in "$@"; do
  tmp=$(mktemp -d); cp -r "$dir"/. "$tmp"/; rm -f "$tmp"/expected-*
  opts=(); [ -f "$dir/sls-args" ] && read -r -a opts < "$dir/sls-args"
  (cd "$tmp" && "$SLS" package "${opts[@]}" >/dev/null)
  python3 - "$tmp/.serverless/cloudformation-template-update-stack.json" "$dir/expected-template.json" <<'PY'
import json, re, sys
t = open(sys.argv[1]).read()
t = re.sub(r'\d{13}-\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z', '1795694400000-2026-11-26T12:00:00.000Z', t)
t = re.sub(r'ApiGatewayDeployment\d{13}', 'ApiGatewayDeployment1795694400000', t)
json.dump(json.loads(t), open(sys.argv[2], 'w'), indent=2)
open(sys.argv[2], 'a').write('\n')
PY
  rm -rf "$tmp"; echo "wrote $dir/expected-template.json"
done
