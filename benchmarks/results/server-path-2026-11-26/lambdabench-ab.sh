#!/bin/bash
# A/B of the Lambda warm path (third session, server path): one LambdaBench warm run per call.
#   $1 = A: the baseline jar alone (copied before the session's changes: cp benchmarks/target/benchmarks.jar /tmp/sp-base.jar)
#   $1 = NAME: every directory /tmp/sp-NAME/* (target/classes copies of aws-protocol and lambda) ahead of that jar
#   further arguments: JVM options, e.g. -Dbench.handler=Echo -Dbench.sequentialOnly=true -Dslipway.http.transport=nio
# The LambdaBench under test is compiled once into /tmp/sp-bench and put first for both sides:
#   javac -d /tmp/sp-bench -cp /tmp/sp-base.jar benchmarks/src/main/java/dev/slipway/benchmarks/lambda/LambdaBench.java
# Waits while /work/quiet.lock exists; bounded by timeout; leaves no process behind (workers are stopped by the service).
L=$1; shift
B=/tmp/sp-base.jar
M2=$HOME/.m2/repository/io/netty
EP=$M2/netty-transport-native-epoll/4.2.18.Final/netty-transport-native-epoll-4.2.18.Final-linux-x86_64.jar:$M2/netty-transport-classes-epoll/4.2.18.Final/netty-transport-classes-epoll-4.2.18.Final.jar
case $L in
  A) CP=/tmp/sp-bench:$EP:$B ;;
  *) CP=/tmp/sp-bench:$(ls -d /tmp/sp-$L/* | tr '\n' ':')$EP:$B ;;
esac
while test -e /work/quiet.lock; do sleep 20; done
echo "=== $L $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) $*"
cd /tmp && timeout 300 java -Dbench.seconds=${SECS:-3} "$@" -cp $CP dev.slipway.benchmarks.lambda.LambdaBench warm 2>&1 | grep -v "^\[\|^OpenJDK\|^JDK\|^$"
