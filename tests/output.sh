# Outputs under system failures: an unwritable folder, a full disk, a file
# size limit.  Each time gen must exit 3 with a message, leave the earlier
# outputs byte for byte, and leave no temporary file.  Sourced by run.sh
# with $gen, $tmp, check, skip and status.

case $gen in /*) ogen=$gen ;; *) ogen=$(pwd)/$gen ;; esac
oplan=input/ahrweiler-2017
# fresh_outputs DIR: the good outputs of $oplan in DIR, and their sums.
fresh_outputs() {
	"$ogen" -q -f html,pdf,csv -o "$1" "$oplan" 2>/dev/null
	(cd "$1" && md5sum ./*) >"$tmp/sums"
}
# intact NAME DIR: the earlier outputs are untouched, nothing else is there.
intact() {
	check "$1: exit 3 with a message, got status $_st" \
	    [ "$_st" = 3 -a -s "$tmp/cli.err" ]
	check "$1: the message names the output ($(head -n 1 "$tmp/cli.err"))" \
	    grep -q "^gen: [^ ]*/ahrweiler-2017\.[a-z.]*: cannot" "$tmp/cli.err"
	check "$1: the earlier outputs are intact" \
	    sh -c "cd '$2' && md5sum -c --quiet '$tmp/sums'"
	check "$1: no temporary file is left" \
	    [ "$(ls -A "$2" | grep -c '^\.')" = 0 ]
}
# The same plan with a change that alters every output.
mkdir -p "$tmp/oplan"
cp -r "$oplan" "$tmp/oplan/"
sed -i 's|<title>\([^<]*\)</title>|<title>\1 (neu)</title>|' \
    "$tmp/oplan/ahrweiler-2017/plan.xml"

# The file size limit: the PDF passes it, the page and the export do not.
rm -rf "$tmp/o-limit" && fresh_outputs "$tmp/o-limit"
_st=$( ulimit -f 150; status "$ogen" -q -f html,pdf,csv -o "$tmp/o-limit" \
    "$tmp/oplan/ahrweiler-2017" )
intact "past the file size limit" "$tmp/o-limit"

# An unwritable folder.  root may write anywhere, so gen then runs as
# nobody, with its own copies of what it reads.
rm -rf "$tmp/o-ro" && fresh_outputs "$tmp/o-ro"
chmod 555 "$tmp/o-ro"
if [ "$(id -u)" != 0 ]; then
	_st=$(status "$ogen" -q -f html,pdf,csv -o "$tmp/o-ro" "$tmp/oplan/ahrweiler-2017")
	intact "an unwritable folder" "$tmp/o-ro"
elif setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	cp "$ogen" "$tmp/gen-copy" && cp -r templates "$tmp/"
	chmod 755 "$tmp" && chmod -R a+rX "$tmp/oplan" "$tmp/templates" "$tmp/gen-copy"
	_st=$(cd "$tmp" && status setpriv --reuid=65534 --regid=65534 \
	    --clear-groups ./gen-copy -q -f html,pdf,csv -o o-ro \
	    oplan/ahrweiler-2017)
	intact "an unwritable folder" "$tmp/o-ro"
	rm -rf "$tmp/gen-copy" "$tmp/templates"
else
	skip "an unwritable folder (root, and setpriv cannot drop to nobody)"
fi
chmod 755 "$tmp/o-ro"

# A full disk: a small tmpfs, filled up after the first outputs.
mkdir -p "$tmp/o-disk"
if mount -t tmpfs -o size=1m tmpfs "$tmp/o-disk" 2>/dev/null; then
	fresh_outputs "$tmp/o-disk"
	dd if=/dev/zero of="$tmp/o-disk/.filler" bs=4k 2>/dev/null
	_st=$(status "$ogen" -q -f html,pdf,csv -o "$tmp/o-disk" "$tmp/oplan/ahrweiler-2017")
	rm -f "$tmp/o-disk/.filler"
	intact "a full disk" "$tmp/o-disk"
	umount "$tmp/o-disk"
else
	skip "a full disk (no permission to mount a small tmpfs)"
fi
rm -rf "$tmp/oplan" "$tmp/o-limit" "$tmp/o-ro" "$tmp/o-disk"
