#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft, combined broker+controller)
# straight from Maven Central jars, because this environment has no Docker
# engine and only package registries are reachable. With Docker available,
# `docker compose -f docker/docker-compose.yml up kafka` is the alternative.
#
# Usage: tools/kafka/kafka.sh start|stop|status|logs [-f]|controller
#
# With KAFKA_NODES=3 it runs a KRaft cluster of three nodes on this machine instead (each broker+controller,
# one JVM, data dir and pair of ports per node, the same jars), for fault tests that kill brokers one at a
# time: `start` starts the nodes not running (so it also restarts a killed one), `controller` prints the node
# id of the active KRaft controller. The single broker stays the default for `npm start` and `npm test`.
#
# Environment:
#   KAFKA_HOME_DIR         data dir (config, pid, logs, storage)  default: <repo>/.data/kafka
#                          (a cluster: one node-<id> folder per node in it; default <repo>/.data/kafka-cluster)
#   KAFKA_LIBS_DIR         jar cache, can be shared between data dirs  default: $KAFKA_HOME_DIR/libs
#   KAFKA_PORT             client listener port        default: 9092
#   KAFKA_CONTROLLER_PORT  KRaft controller port       default: 9093
#   KAFKA_HEAP             JVM heap flags              default: -Xms256m -Xmx512m
#   KAFKA_JVM_OPTS         the other JVM flags         default: -XX:+UseG1GC -XX:MaxGCPauseMillis=20 (steady
#                          throughput: npm start, the bench); `npm test` passes flags for quick starts instead
#   KAFKA_CDS              off: no class-data-sharing archive   default: on (see cds_flags)
#   KAFKA_READY_TIMEOUT    seconds `start` waits for the broker   default: 90
#   KAFKA_VERSION          Apache Kafka broker version from Maven Central   default: 4.4.0
#                          (4.x: pom-kafka4.xml, log4j2, Java 17; 3.x: pom.xml; docs/platform.md has the decision)
#   KAFKA_NODES            nodes of the cluster   default: 1 (a single broker)
#   KAFKA_PORTS            cluster: client ports, comma-separated   default: KAFKA_PORT, +2, +4 (9092,9094,9096)
#   KAFKA_CONTROLLER_PORTS cluster: controller ports   default: KAFKA_CONTROLLER_PORT, +2, +4 (9093,9095,9097)
#                          (a cluster keeps the ports it was first started with, in <home>/ports)
#   KAFKA_REPLICATION_FACTOR  replicas of internal and auto-created topics   default: min(3, nodes)
#   KAFKA_MIN_INSYNC_REPLICAS replicas an acks=all write needs   default: 2 with 3+ nodes, else 1
#   NODE_BIN               node for the readiness check   default: the caller's (tools pass process.execPath),
#                          else the repository's pinned Node 24 (node_modules/.bin/node), else `node` on PATH
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

# Passed to Maven as -Dkafka.version; also tells whether the jar cache is usable.
KAFKA_VERSION=${KAFKA_VERSION:-4.4.0}
SCALA_VERSION=2.13
KAFKA_MAJOR=${KAFKA_VERSION%%.*}
# Kafka 4 dropped log4j 1 (reload4j) for log4j2: another dependency set and another logging config.
if (( KAFKA_MAJOR >= 4 )); then POM=$SCRIPT_DIR/pom-kafka4.xml; else POM=$SCRIPT_DIR/pom.xml; fi

KAFKA_NODES=${KAFKA_NODES:-1}
[[ $KAFKA_NODES =~ ^[1-9][0-9]*$ ]] || { echo "[kafka] error: KAFKA_NODES must be a positive number" >&2; exit 1; }
# Set only by the cluster mode below for each node it runs; unset, this is the single broker.
KAFKA_NODE_ID=${KAFKA_NODE_ID:-}
if (( KAFKA_NODES > 1 )) && [[ -z $KAFKA_NODE_ID ]]; then
  KAFKA_HOME_DIR=${KAFKA_HOME_DIR:-$REPO_ROOT/.data/kafka-cluster}
  # Every node runs from the jars of the single broker's cache unless told otherwise: one download.
  KAFKA_LIBS_DIR=${KAFKA_LIBS_DIR:-$REPO_ROOT/.data/kafka/libs}
else
  KAFKA_HOME_DIR=${KAFKA_HOME_DIR:-$REPO_ROOT/.data/kafka}
fi
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_HEAP=${KAFKA_HEAP:--Xms256m -Xmx512m}
KAFKA_JVM_OPTS=${KAFKA_JVM_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20}
KAFKA_READY_TIMEOUT=${KAFKA_READY_TIMEOUT:-90}
# Loopback only: this is a dev/test broker with no auth, it must not be reachable from elsewhere.
KAFKA_HOST=127.0.0.1

# Never a bare `node` when the repository has its pinned one: the system's may be an unsupported version.
if [[ -z ${NODE_BIN:-} ]]; then
  if [[ -x $REPO_ROOT/node_modules/.bin/node ]]; then NODE_BIN=$REPO_ROOT/node_modules/.bin/node; else NODE_BIN=node; fi
fi

# Absolute paths, because the broker is started in the background and
# relative paths in server.properties would depend on the caller's cwd.
KAFKA_HOME_DIR=$(realpath -m "$KAFKA_HOME_DIR")
KAFKA_LIBS_ROOT=$(realpath -m "${KAFKA_LIBS_DIR:-$KAFKA_HOME_DIR/libs}")
# One folder of jars per version, so brokers of two versions (and a running one) never share or lose a
# classpath; a flat cache from before that already holds this version is used as it is.
if [[ -f $KAFKA_LIBS_ROOT/kafka_$SCALA_VERSION-$KAFKA_VERSION.jar ]]; then
  KAFKA_LIBS_DIR=$KAFKA_LIBS_ROOT
else
  KAFKA_LIBS_DIR=$KAFKA_LIBS_ROOT/$KAFKA_VERSION
fi

# A node of a cluster gets its id, the quorum, the shared cluster id and the replication settings from the
# cluster mode; the single broker is node 1 of a quorum of one and replicates nothing.
NODE_ID=${KAFKA_NODE_ID:-1}
QUORUM_VOTERS=${KAFKA_NODE_QUORUM:-1@127.0.0.1:$KAFKA_CONTROLLER_PORT}
REPLICATION=${KAFKA_NODE_REPLICATION:-1}
MIN_ISR=${KAFKA_NODE_MIN_ISR:-1}

SERVER_PROPS=$KAFKA_HOME_DIR/server.properties
LOG4J_PROPS=$KAFKA_HOME_DIR/log4j.properties
LOG4J2_PROPS=$KAFKA_HOME_DIR/log4j2.properties
CLUSTER_ID_FILE=${KAFKA_NODE_CLUSTER_ID_FILE:-$KAFKA_HOME_DIR/cluster.id}
PID_FILE=$KAFKA_HOME_DIR/kafka.pid
LOG_DIR=$KAFKA_HOME_DIR/logs
# stdout/stderr of the JVM: normally empty, but JVM crashes and early startup failures land here.
OUT_FILE=$LOG_DIR/kafka.out
SERVER_LOG=$LOG_DIR/server.log
DATA_DIR=$KAFKA_HOME_DIR/data

BROKERS=$KAFKA_HOST:$KAFKA_PORT

log() { printf '[kafka] %s\n' "$*" >&2; }
die() { printf '[kafka] error: %s\n' "$*" >&2; exit 1; }

# start/stop hold this lock so two concurrent `start`s cannot launch two JVMs
# on one data dir (the loser would overwrite the pid file, then die on the port).
lock_home() {
  mkdir -p "$KAFKA_HOME_DIR"
  exec 8>"$KAFKA_HOME_DIR/.lock"
  flock 8
}

require_java() {
  if ! command -v java >/dev/null 2>&1; then
    die "java not found. Install Java 17 and Maven (e.g. apt-get install openjdk-17-jre-headless maven),
        or use Docker instead: docker compose -f docker/docker-compose.yml up kafka"
  fi
  local spec
  spec=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  # Kafka 3.9 brokers need Java 11+, Kafka 4 brokers Java 17+; 1.8 reports "1.8", which the integer test rejects.
  local needed=11
  (( KAFKA_MAJOR >= 4 )) && needed=17
  if ! [[ ${spec:-0} =~ ^[0-9]+$ ]] || (( spec < needed )); then
    die "java ${spec:-unknown} is too old for Kafka $KAFKA_VERSION; install Java 17,
        or use Docker instead: docker compose -f docker/docker-compose.yml up kafka"
  fi
}

libs_ready() {
  [[ -f $KAFKA_LIBS_DIR/kafka_$SCALA_VERSION-$KAFKA_VERSION.jar ]]
}

ensure_libs() {
  libs_ready && return 0
  if ! command -v mvn >/dev/null 2>&1; then
    die "mvn not found, and the Kafka jars are not cached in $KAFKA_LIBS_DIR.
        Install Java 17 and Maven (e.g. apt-get install openjdk-17-jdk-headless maven),
        or use Docker instead: docker compose -f docker/docker-compose.yml up kafka"
  fi
  mkdir -p "$KAFKA_LIBS_DIR"
  # Serialise downloads: the cache may be shared by parallel test runs via KAFKA_LIBS_DIR.
  exec 9>"$KAFKA_LIBS_DIR/.lock"
  flock 9
  if ! libs_ready; then
    log "downloading Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS_DIR (one-off)..."
    # Download into a scratch dir and swap in only on success, so an interrupted
    # mvn never leaves a half-filled cache that libs_ready would accept.
    local tmp
    tmp=$(mktemp -d "$KAFKA_LIBS_DIR/.download.XXXXXX")
    # Output is kept only for failures: Maven 3.8's -q still emits stray ANSI resets.
    local mvn_log=$tmp/mvn.log
    if ! mvn -B -q -f "$POM" dependency:copy-dependencies -Dkafka.version="$KAFKA_VERSION" \
           -DoutputDirectory="$tmp" </dev/null >"$mvn_log" 2>&1; then
      cat "$mvn_log" >&2
      rm -rf "$tmp"
      die "mvn could not fetch the Kafka jars (see output above)"
    fi
    rm -f "$mvn_log"
    # Drop jars of an older Kafka version so two versions never share a classpath.
    rm -f "$KAFKA_LIBS_DIR"/*.jar
    mv "$tmp"/*.jar "$KAFKA_LIBS_DIR"/
    rmdir "$tmp"
  fi
  flock -u 9
  exec 9>&-
  libs_ready || die "Kafka jar still missing from $KAFKA_LIBS_DIR after download"
}

# Prints the pid if the broker of *this* data dir is alive. Checking the command
# line guards against a stale pid file whose pid was reused by another process.
running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  local args
  args=$(ps -ww -o args= -p "$pid" 2>/dev/null) || return 1
  [[ $args == *kafka.Kafka*"$SERVER_PROPS"* ]] || return 1
  echo "$pid"
}

# A running broker keeps the port it was started with, even if KAFKA_PORT now differs.
use_running_port() {
  local port
  port=$(sed -n 's|^listeners=PLAINTEXT://[^,]*:\([0-9][0-9]*\).*|\1|p' "$SERVER_PROPS" 2>/dev/null)
  if [[ -n $port ]]; then
    KAFKA_PORT=$port
    BROKERS=$KAFKA_HOST:$KAFKA_PORT
  fi
}

port_open() {
  timeout 1 bash -c ">/dev/tcp/$KAFKA_HOST/$1" 2>/dev/null
}

write_config() {
  mkdir -p "$LOG_DIR" "$DATA_DIR"
  # Regenerated on every start so port/heap changes apply; storage is untouched.
  cat >"$SERVER_PROPS" <<EOF
# Generated by tools/kafka/kafka.sh on every start; edits are overwritten.
process.roles=broker,controller
node.id=$NODE_ID
controller.quorum.voters=$QUORUM_VOTERS
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR

# A single node cannot satisfy the production defaults of 3 replicas; a cluster of three keeps them: every
# partition on 3 brokers, and an acks=all write needs 2 of them in sync (so one broker may die, never the data).
offsets.topic.replication.factor=$REPLICATION
transaction.state.log.replication.factor=$REPLICATION
transaction.state.log.min.isr=$MIN_ISR
default.replication.factor=$REPLICATION
min.insync.replicas=$MIN_ISR

# Services create their topics implicitly; 3 partitions keeps consumer-group behaviour realistic.
auto.create.topics.enable=true
num.partitions=3
# Consumers in tests should join immediately instead of after the 3 s default.
group.initial.rebalance.delay.ms=0
EOF

  # log4j 1 (reload4j) reads only an explicit -Dlog4j.configuration; without it
  # Kafka warns on stderr and logs nothing. Everything goes to a file instead.
  cat >"$LOG4J_PROPS" <<EOF
# Generated by tools/kafka/kafka.sh on every start; edits are overwritten.
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$SERVER_LOG
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=3
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n

# Per-request and per-partition chatter would drown the useful lines.
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.authorizer.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF

  cat >"$LOG4J2_PROPS" <<EOF
# Generated by tools/kafka/kafka.sh on every start (Kafka 4.x logs through log4j2); edits are overwritten.
appender.file.type=RollingFile
appender.file.name=file
appender.file.fileName=$SERVER_LOG
appender.file.filePattern=$SERVER_LOG.%i
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
appender.file.policies.type=Policies
appender.file.policies.size.type=SizeBasedTriggeringPolicy
appender.file.policies.size.size=20MB
appender.file.strategy.type=DefaultRolloverStrategy
appender.file.strategy.max=3
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
logger.request.name=kafka.request.logger
logger.request.level=WARN
logger.state.name=state.change.logger
logger.state.level=WARN
logger.clients.name=org.apache.kafka.clients
logger.clients.level=WARN
EOF
}

# Class-data sharing: the first broker that stops cleanly leaves the classes it loaded in an archive next to the jar
# cache, and every later JVM (broker, storage tool) maps them instead of parsing and verifying thousands of classes:
# a broker is ready in ~3 s on ~2.5 s of CPU instead of ~10 s on ~10 s. One archive per Kafka version and set of
# JVM flags; the JVM checks it against the class path and runs without it if it does not match.
cds_archive() {
  echo "$KAFKA_LIBS_DIR.cds/broker-$(printf '%s' "$KAFKA_JVM_OPTS" | cksum | cut -d' ' -f1).jsa"
}

# The flags that map the archive, or (for the broker, with no archive yet) dump one at exit under a name of its own.
cds_flags() {
  local role=$1 archive
  [[ ${KAFKA_CDS:-on} == off ]] && return 0
  archive=$(cds_archive)
  if [[ -s $archive ]]; then
    echo "-XX:SharedArchiveFile=$archive"
  elif [[ $role == broker ]]; then
    mkdir -p "$(dirname "$archive")"
    echo "-XX:ArchiveClassesAtExit=$archive.$JAVA_PID.tmp"
  fi
}

# After a clean stop: the archive the broker dumped becomes the one every start maps (rename is atomic, so a JVM
# starting meanwhile maps a whole archive or none). A broker that was killed dumped nothing, or half: dropped, as
# is what any other broker no longer running left.
keep_cds_archive() {
  local pid=$1 clean=$2 archive dumped dumper
  archive=$(cds_archive)
  for dumped in "$archive".*.tmp; do
    [[ -e $dumped ]] || continue
    dumper=${dumped%.tmp}
    dumper=${dumper##*.}
    if [[ $dumper == "$pid" && $clean == yes && -s $dumped ]]; then
      mv -f "$dumped" "$archive"
    elif [[ $dumper == "$pid" ]] || ! kill -0 "$dumper" 2>/dev/null; then
      rm -f "$dumped"
    fi
  done
}

# Fills JAVA_CMD, as an array so the background start can exec it directly
# (a wrapper shell would swallow the SIGTERM that `stop` sends).
java_cmd_array() {
  local heap jvm_opts cds
  read -r -a heap <<<"$KAFKA_HEAP"
  read -r -a jvm_opts <<<"$KAFKA_JVM_OPTS"
  read -r -a cds <<<"$(cds_flags "${JAVA_ROLE:-tool}")"
  JAVA_CMD=(java "${heap[@]}" "${jvm_opts[@]}" "${cds[@]}" -Djava.awt.headless=true
    -Dlog4j.configuration="file:$LOG4J_PROPS" -Dlog4j2.configurationFile="$LOG4J2_PROPS"
    -cp "$KAFKA_LIBS_DIR/*" "$@")
}

java_cmd() {
  java_cmd_array "$@"
  "${JAVA_CMD[@]}"
}

# A cluster id is 22 characters of URL-safe base64; only that line is kept (log4j2 may print its own before it).
new_cluster_id() {
  java_cmd kafka.tools.StorageTool random-uuid 2>>"$OUT_FILE" | grep -E '^[A-Za-z0-9_-]{22}$' | tail -n 1
}

format_storage_once() {
  # meta.properties marks formatted storage; re-formatting would refuse anyway,
  # but skipping it saves a JVM start on every warm start.
  [[ -f $DATA_DIR/meta.properties ]] && return 0
  if [[ ! -s $CLUSTER_ID_FILE ]]; then
    new_cluster_id >"$CLUSTER_ID_FILE"
    [[ -s $CLUSTER_ID_FILE ]] || die "could not generate a cluster id (see $OUT_FILE)"
  fi
  log "formatting storage in $DATA_DIR (cluster id $(<"$CLUSTER_ID_FILE"))"
  if ! java_cmd kafka.tools.StorageTool format -t "$(<"$CLUSTER_ID_FILE")" -c "$SERVER_PROPS" \
       >>"$OUT_FILE" 2>&1; then
    tail -n 20 "$OUT_FILE" >&2
    die "storage format failed"
  fi
}

wait_ready() {
  local pid=$1
  log "waiting up to ${KAFKA_READY_TIMEOUT}s for the broker at $BROKERS..."
  local rc=0
  "$NODE_BIN" "$SCRIPT_DIR/wait-ready.js" --timeout "$KAFKA_READY_TIMEOUT" --pid "$pid" "$BROKERS" || rc=$?
  case $rc in
    0) return 0 ;;
    3)
      # kafkajs missing (npm install not run yet): an open port is the best signal left.
      log "kafkajs not installed; falling back to a plain port check"
      local deadline=$((SECONDS + KAFKA_READY_TIMEOUT))
      while (( SECONDS < deadline )); do
        kill -0 "$pid" 2>/dev/null || return 2
        port_open "$KAFKA_PORT" && return 0
        sleep 0.5
      done
      return 1
      ;;
    *) return "$rc" ;;
  esac
}

show_failure() {
  if [[ -s $SERVER_LOG ]]; then
    log "last lines of $SERVER_LOG:"
    tail -n 30 "$SERVER_LOG" >&2
  fi
  if [[ -s $OUT_FILE ]]; then
    log "last lines of $OUT_FILE:"
    tail -n 30 "$OUT_FILE" >&2
  fi
}

cmd_start() {
  require_java
  command -v "$NODE_BIN" >/dev/null 2>&1 || die "$NODE_BIN not found (needed for the readiness check)"
  lock_home

  local pid
  if pid=$(running_pid); then
    use_running_port
    if port_open "$KAFKA_PORT"; then
      log "already running (pid $pid)"
      echo "KAFKA_BROKERS=$BROKERS"
      return 0
    fi
    # Alive but not listening yet: another `start` is probably still booting it.
    wait_ready "$pid" || { show_failure; die "broker (pid $pid) is running but not ready"; }
    echo "KAFKA_BROKERS=$BROKERS"
    return 0
  fi
  rm -f "$PID_FILE"

  local p
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$p"; then
      die "port $KAFKA_HOST:$p is already in use by something else (another Kafka, docker compose?).
        Stop it, or pick other ports with KAFKA_PORT / KAFKA_CONTROLLER_PORT."
    fi
  done

  ensure_libs
  write_config
  format_storage_once

  log "starting Kafka $KAFKA_VERSION (KRaft) from $KAFKA_HOME_DIR"
  # setsid: the broker must outlive the shell (or CI step) that started it and
  # must not receive its Ctrl-C / process-group signals; `stop` ends it by pid.
  # cd into the data dir so stray relative-path output (hs_err files) lands there.
  printf '\n===== %s start =====\n' "$(date -u +%FT%TZ)" >>"$OUT_FILE"
  (
    cd "$KAFKA_HOME_DIR"
    # The JVM must not inherit the start lock, or it would hold it for its whole life.
    exec 8>&-
    # Not a process-group leader here, so setsid execs in place and $! is the JVM's pid.
    JAVA_ROLE=broker JAVA_PID=$BASHPID java_cmd_array kafka.Kafka "$SERVER_PROPS"
    exec setsid "${JAVA_CMD[@]}"
  ) >>"$OUT_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  # A node of a cluster cannot be ready alone (its controller needs a quorum): the cluster mode waits for all.
  if [[ ${KAFKA_NODE_NO_WAIT:-} == 1 ]]; then
    log "node $NODE_ID launched (pid $pid)"
    echo "KAFKA_BROKERS=$BROKERS"
    return 0
  fi

  local rc=0
  wait_ready "$pid" || rc=$?
  if (( rc != 0 )); then
    show_failure
    if (( rc == 2 )); then
      rm -f "$PID_FILE"
      die "broker process exited during startup"
    fi
    die "broker not ready after ${KAFKA_READY_TIMEOUT}s (still running as pid $pid; see '$0 logs')"
  fi
  log "ready (pid $pid)"
  echo "KAFKA_BROKERS=$BROKERS"
}

cmd_stop() {
  [[ -f $PID_FILE ]] || { log "not running"; return 0; }
  lock_home
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  # Controlled shutdown of a single KRaft node usually takes a few seconds.
  local i
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  local clean=yes
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after 20s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    clean=no
    sleep 0.5
  fi
  keep_cds_archive "$pid" "$clean"
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    use_running_port
    if port_open "$KAFKA_PORT"; then
      echo "running (pid $pid) at $BROKERS, data in $KAFKA_HOME_DIR"
    else
      echo "running (pid $pid) but $BROKERS is not accepting connections yet"
    fi
    return 0
  fi
  echo "not running"
  return 1
}

cmd_logs() {
  local files=("$SERVER_LOG")
  [[ -s $OUT_FILE ]] && files+=("$OUT_FILE")
  [[ -f $SERVER_LOG ]] || die "no log yet at $SERVER_LOG"
  if [[ ${1:-} == -f ]]; then
    exec tail -n 50 -F "${files[@]}"
  fi
  tail -n "${KAFKA_LOG_LINES:-100}" "${files[@]}"
}

# ---- Cluster mode (KAFKA_NODES > 1): each node is this script run again for node-<id>, one JVM each ----

CLUSTER_DIR=$KAFKA_HOME_DIR
CLUSTER_PORTS_FILE=$CLUSTER_DIR/ports

# Fills NODE_PORTS and NODE_CONTROLLER_PORTS (index 0 is node 1): the ports file of a cluster already started,
# else KAFKA_PORTS / KAFKA_CONTROLLER_PORTS, else pairs counted up from KAFKA_PORT / KAFKA_CONTROLLER_PORT.
cluster_ports() {
  local ports controller_ports i
  if [[ -s $CLUSTER_PORTS_FILE ]]; then
    { read -r ports; read -r controller_ports; } <"$CLUSTER_PORTS_FILE"
  else
    ports=${KAFKA_PORTS:-}
    controller_ports=${KAFKA_CONTROLLER_PORTS:-}
    if [[ -z $ports ]]; then
      for ((i = 0; i < KAFKA_NODES; i++)); do ports+="${ports:+,}$((KAFKA_PORT + 2 * i))"; done
    fi
    if [[ -z $controller_ports ]]; then
      for ((i = 0; i < KAFKA_NODES; i++)); do controller_ports+="${controller_ports:+,}$((KAFKA_CONTROLLER_PORT + 2 * i))"; done
    fi
  fi
  IFS=, read -r -a NODE_PORTS <<<"$ports"
  IFS=, read -r -a NODE_CONTROLLER_PORTS <<<"$controller_ports"
  (( ${#NODE_PORTS[@]} == KAFKA_NODES && ${#NODE_CONTROLLER_PORTS[@]} == KAFKA_NODES )) ||
    die "$KAFKA_NODES nodes need $KAFKA_NODES client and $KAFKA_NODES controller ports (got '$ports' and '$controller_ports')"
  CLUSTER_BROKERS=""
  QUORUM=""
  for ((i = 0; i < KAFKA_NODES; i++)); do
    CLUSTER_BROKERS+="${CLUSTER_BROKERS:+,}$KAFKA_HOST:${NODE_PORTS[i]}"
    QUORUM+="${QUORUM:+,}$((i + 1))@$KAFKA_HOST:${NODE_CONTROLLER_PORTS[i]}"
  done
}

# Runs this script for one node (1-based) with its own data dir, ports and the cluster's settings.
node_cmd() {
  local node=$1
  shift
  local replication=${KAFKA_REPLICATION_FACTOR:-$((KAFKA_NODES < 3 ? KAFKA_NODES : 3))}
  local min_isr=${KAFKA_MIN_INSYNC_REPLICAS:-$((replication >= 3 ? 2 : 1))}
  KAFKA_NODES=1 KAFKA_NODE_ID=$node KAFKA_HOME_DIR=$CLUSTER_DIR/node-$node KAFKA_LIBS_DIR=$KAFKA_LIBS_ROOT \
    KAFKA_PORT=${NODE_PORTS[node - 1]} KAFKA_CONTROLLER_PORT=${NODE_CONTROLLER_PORTS[node - 1]} \
    KAFKA_NODE_QUORUM=$QUORUM KAFKA_NODE_CLUSTER_ID_FILE=$CLUSTER_DIR/cluster.id \
    KAFKA_NODE_REPLICATION=$replication KAFKA_NODE_MIN_ISR=$min_isr NODE_BIN=$NODE_BIN \
    bash "${BASH_SOURCE[0]}" "$@" 7>&-
}

cluster_start() {
  require_java
  mkdir -p "$CLUSTER_DIR"
  exec 7>"$CLUSTER_DIR/.lock"
  flock 7
  cluster_ports
  printf '%s\n%s\n' "$(IFS=,; echo "${NODE_PORTS[*]}")" "$(IFS=,; echo "${NODE_CONTROLLER_PORTS[*]}")" >"$CLUSTER_PORTS_FILE"
  ensure_libs
  # One cluster id for every node's storage, made before any node formats.
  if [[ ! -s $CLUSTER_DIR/cluster.id ]]; then
    mkdir -p "$LOG_DIR"
    new_cluster_id >"$CLUSTER_DIR/cluster.id"
    [[ -s $CLUSTER_DIR/cluster.id ]] || die "could not generate a cluster id (see $OUT_FILE)"
  fi
  # Launch every node not running (the nodes must not inherit the cluster lock: `7>&-` in node_cmd) (all of them, or the one a fault test killed), then wait for the cluster.
  local node
  for ((node = 1; node <= KAFKA_NODES; node++)); do
    KAFKA_NODE_NO_WAIT=1 node_cmd "$node" start >/dev/null || die "node $node did not start"
  done
  log "waiting up to ${KAFKA_READY_TIMEOUT}s for $KAFKA_NODES brokers at $CLUSTER_BROKERS..."
  "$NODE_BIN" "$SCRIPT_DIR/wait-ready.js" --timeout "$KAFKA_READY_TIMEOUT" --brokers-expected "$KAFKA_NODES" "$CLUSTER_BROKERS" ||
    die "the cluster is not ready after ${KAFKA_READY_TIMEOUT}s (see '$0 logs')"
  log "cluster of $KAFKA_NODES ready"
  echo "KAFKA_BROKERS=$CLUSTER_BROKERS"
}

cluster_each() {
  cluster_ports
  local node rc=0
  for ((node = 1; node <= KAFKA_NODES; node++)); do
    node_cmd "$node" "$@" || rc=1
  done
  return $rc
}

cluster_stop() {
  [[ -d $CLUSTER_DIR ]] || { log "not running"; return 0; }
  cluster_ports
  # All at once: stopped one by one, the last nodes would wait for a controller quorum that is already gone.
  local node pids=()
  for ((node = 1; node <= KAFKA_NODES; node++)); do
    node_cmd "$node" stop &
    pids+=($!)
  done
  wait "${pids[@]}"
}

# The active controller is the leader of the KRaft quorum: the node every voter's quorum-state names for
# the latest epoch (the broker's metadata answer cannot tell, it names any broker as "controller").
cluster_controller() {
  local node best_epoch=-1 leader=-1 state epoch id
  for ((node = 1; node <= KAFKA_NODES; node++)); do
    state=$CLUSTER_DIR/node-$node/data/__cluster_metadata-0/quorum-state
    [[ -f $state ]] || continue
    epoch=$(sed -n 's/.*"leaderEpoch":\([0-9-]*\).*/\1/p' "$state")
    id=$(sed -n 's/.*"leaderId":\([0-9-]*\).*/\1/p' "$state")
    if [[ -n $epoch && -n $id && $id != -1 ]] && (( epoch > best_epoch )); then
      best_epoch=$epoch
      leader=$id
    fi
  done
  (( leader > 0 )) || die "no node has recorded a quorum leader yet"
  echo "$leader"
}

if (( KAFKA_NODES > 1 )); then
  case ${1:-} in
    start) cluster_start ;;
    stop) cluster_stop ;;
    status) cluster_each status ;;
    logs) shift; cluster_each logs "$@" ;;
    controller) cluster_controller ;;
    *)
      echo "usage: KAFKA_NODES=$KAFKA_NODES $0 start|stop|status|logs|controller" >&2
      exit 2
      ;;
  esac
  exit $?
fi

case ${1:-} in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  *)
    echo "usage: $0 start|stop|status|logs [-f]" >&2
    exit 2
    ;;
esac
