#!/bin/bash
# API Gateway's own CPU time and allocation per request, in process (no network, no worker): the hello
# service's REST route, the proxy event, the integration timeout, the response mapping and the log line.
# Usage: inprocess-ab.sh JAR [N=200000]: JAR is an apigateway jar (A: the baseline's, B: this work's),
# put first on the class path of the CLI's libraries (LIB, default cli/target/lib of this checkout).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
LIB=${LIB:-$HERE/../../../cli/target/lib}
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
javac -nowarn -cp "$LIB/*" -d "$OUT" "$HERE/ApiGatewayCpu.java"
java -XX:+UseSerialGC -cp "$OUT:$1:$LIB/*" ApiGatewayCpu "${2:-200000}" | grep round
