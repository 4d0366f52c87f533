#!/bin/bash
# A/B: $1 = label, classpath prefix chosen by label
B=/tmp/wp-base/benchmarks/target/benchmarks.jar
case $1 in
  A) CP=/tmp/wp-bench:$B ;;
  B) CP=/tmp/wp-bench:/work/main/lambda/target/classes:/work/main/aws-protocol/target/classes:$B ;;
esac
echo "=== $1 $(date +%T) $(cut -d' ' -f1-3 /proc/loadavg)"
cd /tmp && timeout 400 java -Dbench.seconds=${SECS:-3} -cp $CP dev.slipway.benchmarks.lambda.LambdaBench warm 2>&1 | grep -v "^\[\|^OpenJDK"
