# Sourced by the benchmark scripts. `start_server TREE PORT LOG [ARGS...]` runs `regkb serve` (the
# binary in $REGKB) on TREE at PORT with ARGS, logging to LOG, and returns once it listens, with its
# pid in SERVER; it exits with the log's tail if the server stops first or is not listening in a minute.
start_server() {
    local tree=$1 port=$2 log=$3
    shift 3
    "$REGKB" serve --content "$tree" --addr "127.0.0.1:$port" "$@" > "$log" 2>&1 &
    SERVER=$!
    for _ in $(seq 600); do
        grep -q serving "$log" && return
        kill -0 "$SERVER" 2> /dev/null || break
        sleep 0.1
    done
    tail -5 "$log"
    exit 1
}
