# Signals and failed renames while outputs are written: no temporary file
# is left, and a plan's outputs are all new or all old.  The moments are
# made with tests/fault.c (LD_PRELOAD).  Sourced by run.sh for the
# release build with $gen, $tmp, check, skip and status.

case $gen in /*) sgen=$gen ;; *) sgen=$(pwd)/$gen ;; esac
sg=$tmp/sig
rm -rf "$sg" && mkdir -p "$sg"
if ! cc -shared -fPIC -O2 -o "$sg/fault.so" tests/fault.c -ldl 2>"$sg/cc.err"; then
	skip "signals: cannot build tests/fault.c: $(head -n 1 "$sg/cc.err")"
else
# The plan, its outputs before a change (old/), and after it (new/).
for v in old new; do
	mkdir -p "$sg/$v-plan/s"
	printf '<plan report="amip" year="2017"><jobcenter name="J" kind="gE"/><title>%s</title><data><table name="t" kind="instruments" src="t.csv"/></data><body><section title="S"><insert table="t"/></section></body></plan>\n' \
	    "$v" >"$sg/$v-plan/s/plan.xml"
	printf 'instrument;eintritte\n%s;1\n' "$v" >"$sg/$v-plan/s/t.csv"
	"$sgen" -q -f html,csv -o "$sg/$v" "$sg/$v-plan/s"
done
# fresh: o/ holds the old outputs.
fresh() { rm -rf "$sg/o" && cp -r "$sg/old" "$sg/o"; }
# same_as V: o/ holds exactly the outputs in V/, and nothing else.
same_as() { diff -r "$sg/o" "$sg/$1" >/dev/null; }
# killed_at CALL SIGNAL: gen on the new plan, stopped by SIGNAL while
# the first CALL of io_write_files waits; sets _st.
killed_at() {
	rm -f "$sg/mark"
	GEN_FAULT_PAUSE=$1 GEN_FAULT_MARK=$sg/mark LD_PRELOAD=$sg/fault.so \
	    env --default-signal=INT "$sgen" -q -f html,csv -o "$sg/o" \
	    "$sg/new-plan/s" 2>"$sg/err" & _pid=$!
	for _i in $(seq 100); do [ -e "$sg/mark" ] && break; sleep 0.05; done
	kill -s "$2" "$_pid"
	wait "$_pid" 2>/dev/null
	_st=$?
}
for s in TERM INT HUP; do
	fresh
	killed_at fchmod $s
	check "signals: SIG$s while writing ends gen by the signal, got $_st" \
	    [ "$_st" -gt 128 ]
	check "signals: SIG$s while writing leaves the old outputs, no temporary file" \
	    same_as old
done
fresh
GEN_FAULT_SLEEP=1 killed_at rename TERM
check "signals: SIGTERM while renaming waits for the renames, got $_st" \
    [ "$_st" -gt 128 ]
check "signals: SIGTERM while renaming leaves the new outputs, no temporary file" \
    same_as new

# Killing the parent of -j ends its workers, which clean up.
fresh
cp -r "$sg/new-plan/s" "$sg/new-plan/s2"
rm -f "$sg/mark"
GEN_FAULT_PAUSE=fchmod GEN_FAULT_MARK=$sg/mark GEN_FAULT_SLEEP=5 \
    LD_PRELOAD=$sg/fault.so "$sgen" -q -j 2 -f html,csv -o "$sg/o" \
    "$sg/new-plan/s" "$sg/new-plan/s2" 2>"$sg/err" & _pid=$!
for _i in $(seq 100); do [ -e "$sg/mark" ] && break; sleep 0.05; done
_workers=$(pgrep -P "$_pid" | tr '\n' ' ')
kill -s KILL "$_pid"
wait "$_pid" 2>/dev/null
sleep 0.5
_alive=
for w in $_workers; do
	[ -e "/proc/$w" ] && [ "$(awk '{ print $3 }' "/proc/$w/stat" 2>/dev/null)" != Z ] &&
	    _alive="$_alive $w"
done
check "signals: workers ($_workers) end with their killed parent (alive:$_alive)" \
    [ -n "$_workers" -a -z "$_alive" ]
check "signals: the workers of a killed parent leave no temporary file" \
    [ "$(ls -A "$sg/o" | grep -c '^\.')" = 0 ]
rm -rf "$sg/new-plan/s2"

# The last rename fails: the outputs renamed before it are put back.
fresh
_st=$(GEN_FAULT_RENAME=.stamp LD_PRELOAD=$sg/fault.so \
    status "$sgen" -q -f html,csv -o "$sg/o" "$sg/new-plan/s")
check "rename: a failed rename is exit 3, got $_st" [ "$_st" = 3 ]
check "rename: its message" grep -qx \
    "gen: $sg/o/s.stamp: cannot replace: Input/output error" "$tmp/cli.err"
check "rename: the earlier outputs are all back, no temporary file" same_as old
fresh
rm "$sg/o/s.html"
_st=$(GEN_FAULT_RENAME=.stamp LD_PRELOAD=$sg/fault.so \
    status "$sgen" -q -f html,csv -o "$sg/o" "$sg/new-plan/s")
check "rename: an output that was not there is removed again" \
    sh -c "[ ! -e '$sg/o/s.html' ] && rm -rf '$sg/old-nohtml' && cp -r '$sg/old' '$sg/old-nohtml' && rm '$sg/old-nohtml/s.html' && diff -r '$sg/o' '$sg/old-nohtml' >/dev/null"
fresh
rm "$sg/o/s.kennzahlen.csv" && mkdir "$sg/o/s.kennzahlen.csv"
_st=$(status "$sgen" -q -f html,csv -o "$sg/o" "$sg/new-plan/s")
check "rename: a folder in the way of the export is exit 3, got $_st" [ "$_st" = 3 ]
check "rename: a folder in the way leaves the page and stamp" sh -c \
    "cmp -s '$sg/o/s.html' '$sg/old/s.html' && cmp -s '$sg/o/s.stamp' '$sg/old/s.stamp' && [ \$(ls -A '$sg/o' | wc -l) = 3 ]"
fi
rm -rf "$sg"
