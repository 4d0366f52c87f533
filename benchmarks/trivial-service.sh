#!/usr/bin/env bash
# Writes a one-function service for the offline load test: GET /dev/hello → HelloApiHandler, which
# answers a fixed 200 (no SDK, no DynamoDB), so the figure is Slipway's own path.
# Usage: benchmarks/trivial-service.sh DIR   (needs benchmarks/target/benchmarks.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:?usage: trivial-service.sh DIR}
JAR=$PWD/benchmarks/target/benchmarks.jar
rm -rf "$DIR"; mkdir -p "$DIR/target" "$DIR/classes"
(cd "$DIR/classes" && unzip -q "$JAR" 'dev/slipway/benchmarks/lambda/fn/HelloApiHandler.class')
(cd "$DIR/classes" && zip -q -r ../target/hello.jar dev)
rm -rf "$DIR/classes"
cat >"$DIR/serverless.yml" <<'YML'
service: hello
frameworkVersion: '3'
provider:
  name: aws
  runtime: java21
  stage: dev
  memorySize: 512
  timeout: 10
package:
  artifact: target/hello.jar
functions:
  hello:
    handler: dev.slipway.benchmarks.lambda.fn.HelloApiHandler
    events:
      - http:
          path: hello
          method: get
YML
echo "service written: $DIR"
