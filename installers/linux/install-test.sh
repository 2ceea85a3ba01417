#!/usr/bin/env bash
# The Linux packages' smoke test: for each .deb and .rpm in DIST, install it, start the installed console under Xvfb
# on its embedded default until it reports it is up, take a screenshot, open an evidence bundle through the
# launcher's file argument and through the desktop's file association, verify it with `verify`, and remove the
# package, checking that nothing is left behind and that nothing was written next to the binary.
#
# Usage: install-test.sh DIST WORK   (WORK holds sample.csbundle; screenshots, logs and figures go there)
# Needs root (it installs packages), Xvfb, ImageMagick's import and xdg-utils. Run by `mvn -B verify -Pinstallers`
# (installers/pom.xml); as a non-root user outside CI it says why it skips.
set -euo pipefail

here=$(dirname "$(realpath "$0")")
dist=$(realpath "$1")
work=$(realpath "$2")
bundle="$work/sample.csbundle"
mime=application/vnd.countersign.evidence-bundle+zip
prefix=/opt/countersign
launcher=$prefix/bin/Countersign
desktop=countersign-Countersign.desktop
figures="$work/figures.txt"
wait_up=${COUNTERSIGN_SMOKE_TIMEOUT:-120}

say() { printf '[install-test] %s\n' "$*"; }
fail() { printf '[install-test] FAILED: %s\n' "$*" >&2; exit 1; }

as_root=()
if [[ $(id -u) != 0 ]]; then
    if sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        [[ -n ${CI:-} ]] && fail "installing a package needs root or sudo without a password"
        say "skipped: installing a package needs root (the packages are in $dist)"
        exit 0
    fi
fi
for tool in Xvfb import xdg-mime xdg-desktop-menu; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install xvfb imagemagick xdg-utils)"
done
[[ -f $bundle ]] || fail "no sample bundle at $bundle"

: > "$figures"
display_pid=
app_pid=

# on the way out, also after a failure: no console left running, no package left installed for the next run
cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
    [[ -n $display_pid ]] && kill "$display_pid" 2>/dev/null || true
    if dpkg-query -W -f='${Status}' countersign 2>/dev/null | grep -q "ok installed"; then
        "${as_root[@]}" dpkg -r countersign >/dev/null 2>&1 || true
    fi
    if command -v rpm >/dev/null && rpm -q countersign >/dev/null 2>&1; then
        "${as_root[@]}" rpm -e countersign >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

start_display() {
    local n=90
    while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    display_pid=$!
    export DISPLAY=":$n"
    for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$n ]] && return 0; sleep 0.1; done
    fail "Xvfb did not start on :$n"
}

# a fresh user's environment: its own home, no XDG variables, the display
as_user() {
    env -i HOME="$home" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DISPLAY="$DISPLAY" \
        LANG=C.UTF-8 "$@"
}

# starts the launcher in the background as that user; app_pid is the launcher's own process, not a shell's
start_app() {
    local out=$1
    shift
    ( exec env -i HOME="$home" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        DISPLAY="$DISPLAY" LANG=C.UTF-8 "$launcher" "$@" >"$out" 2>&1 ) &
    app_pid=$!
}

lines_in() { if [[ -f $1 ]]; then wc -l < "$1"; else echo 0; fi; }

# waits until FILE has a line matching PATTERN after its first SKIP lines while the app runs; prints the ms it took
wait_for_line() {
    local file=$1 pattern=$2 started=$3 skip=${4:-0}
    local deadline=$((SECONDS + wait_up))
    while ((SECONDS < deadline)); do
        if [[ -f $file ]] && tail -n "+$((skip + 1))" "$file" | grep -q -- "$pattern"; then
            echo "$(( ($(date +%s%N) - started) / 1000000 ))"
            return 0
        fi
        kill -0 "$app_pid" 2>/dev/null || { cat "$file" >&2 2>/dev/null || true; fail "the app exited before: $pattern"; }
        sleep 0.1
    done
    cat "$file" >&2 2>/dev/null || true
    fail "no \"$pattern\" in $file within ${wait_up}s"
}

# SIGTERM, as a desktop session's logout sends; the console must be gone before the next one starts
stop_app() {
    kill "$app_pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$app_pid" 2>/dev/null && ((waited < 150)); do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$app_pid" 2>/dev/null; then
        say "the app did not end within 15 s of SIGTERM: killing it"
        kill -9 "$app_pid" 2>/dev/null || true
    fi
    wait "$app_pid" 2>/dev/null || true
    app_pid=
    ! pgrep -f "^$launcher" >/dev/null || fail "a Countersign process is still running: $(pgrep -af "^$launcher")"
}

# a screenshot must show a window, not an empty screen
screenshot() {
    local name=$1
    sleep 2
    import -display "$DISPLAY" -window root "$work/$name.png"
    local colours
    colours=$(identify -format '%k' "$work/$name.png")
    ((colours > 50)) || fail "$name.png has only $colours colours: no window was drawn"
    say "screenshot $work/$name.png ($colours colours)"
}

console_run() {
    local label=$1 log="$home/.local/state/countersign/logs/console.log"
    local started skip ms
    skip=$(lines_in "$log")
    started=$(date +%s%N)
    start_app "$work/$kind-console-$label.out"
    ms=$(wait_for_line "$log" "console up:" "$started" "$skip")
    say "$kind: console up in ${ms} ms ($label start)"
    echo "$kind $label-start-ms $ms" >> "$figures"
}

# the menu entry with the app's icon, the bundle's MIME type, the application that opens it, and the command
check_desktop_integration() {
    local entry=/usr/share/applications/$desktop
    [[ -f $entry ]] || fail "no menu entry $entry"
    grep -q "^Exec=$launcher %f$" "$entry" || fail "the menu entry does not pass the file"
    grep -q "^MimeType=$mime" "$entry" || fail "the menu entry does not claim $mime"
    cmp -s "$(sed -n 's/^Icon=//p' "$entry")" "$here/countersign.png" || fail "the menu entry does not show our icon"
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$entry" || fail "the menu entry is not valid"
    fi
    [[ $(as_user xdg-mime query filetype "$bundle") == "$mime" ]] || fail "a .csbundle is not $mime to the desktop"
    [[ $(as_user xdg-mime query default "$mime") == "$desktop" ]] || fail "$mime does not open with $desktop"
    [[ $(readlink -f "$(as_user sh -c 'command -v countersign')") == "$launcher" ]] || fail "countersign is not on the PATH"
}

smoke() {
    local package=$1
    kind=${package##*.}
    local size
    size=$(stat -c %s "$package")
    say "$kind: $(basename "$package"), $((size / 1024 / 1024)) MB"
    echo "$kind package-bytes $size" >> "$figures"
    local home
    home=$(mktemp -d /tmp/countersign-home.XXXXXX)

    # install
    if [[ $kind == deb ]]; then
        "${as_root[@]}" dpkg -i "$package" || fail "dpkg -i failed (are the Depends installed? dpkg-deb -f $package Depends)"
    else
        # Debian's rpm database does not know the system's libraries: their names are checked by the .deb
        "${as_root[@]}" rpm -i --nodeps "$package" || fail "rpm -i failed"
    fi
    [[ -x $launcher ]] || fail "no launcher at $launcher"
    # the runtime carries the providers reached only by lookup: EC keys (Ed25519, P-256) and PKCS#11 tokens
    for module in jdk.crypto.ec jdk.crypto.cryptoki javafx.controls; do
        grep -Eq "^MODULES=\".*\b$module\b" "$prefix/lib/runtime/release" || fail "the runtime lacks $module"
    done
    check_desktop_integration
    say "$kind: menu entry with its icon, MIME type $mime, its default application and the countersign command are in place"

    # installing the same package again is an upgrade to the package manager: the old version's scripts must take
    # nothing back that the new one's do not put back
    if [[ $kind == deb ]]; then
        "${as_root[@]}" dpkg -i "$package" >/dev/null || fail "installing the .deb over itself failed"
    else
        "${as_root[@]}" rpm -U --replacepkgs --nodeps "$package" || fail "upgrading the .rpm over itself failed"
    fi
    check_desktop_integration
    say "$kind: installed again over itself (an upgrade): all of it still in place"
    local marker="$work/installed.marker"
    touch "$marker"

    # the console on its embedded default: a cold start (first run: keys, demo world), then a second one
    console_run first
    screenshot "$kind-console"
    stop_app
    console_run second
    stop_app
    [[ -d $home/.local/share/countersign/gateway ]] || fail "no data in \$XDG_DATA_HOME"
    [[ -d $home/.cache/countersign/openjfx ]] || fail "JavaFX's native libraries are not in \$XDG_CACHE_HOME"
    [[ ! -e $home/.openjfx ]] || fail "JavaFX wrote ~/.openjfx"
    say "$kind: data, cache and logs are in the XDG folders"

    # a bundle named on the command line opens in the console (auditor mode: it says what it opened on stderr)
    local started ms
    started=$(date +%s%N)
    start_app "$work/$kind-bundle.out" "$bundle"
    ms=$(wait_for_line "$work/$kind-bundle.out" "opened evidence bundle $bundle: VALID" "$started")
    say "$kind: the launcher opened the bundle in ${ms} ms: VALID"
    echo "$kind bundle-open-ms $ms" >> "$figures"
    screenshot "$kind-bundle"
    stop_app

    # ... and so does opening the file on the desktop (xdg-open runs the menu entry's Exec line)
    as_user xdg-open "$bundle" >"$work/$kind-xdg-open.out" 2>&1 &
    local opener=$!
    local deadline=$((SECONDS + wait_up))
    until grep -q "opened evidence bundle $bundle: VALID" "$work/$kind-xdg-open.out"; do
        ((SECONDS < deadline)) || { cat "$work/$kind-xdg-open.out" >&2; fail "xdg-open did not open the bundle"; }
        sleep 0.2
    done
    pkill -f "^$launcher $bundle" || true
    for _ in $(seq 150); do pgrep -f "^$launcher $bundle" >/dev/null || break; sleep 0.1; done
    pkill -9 -f "^$launcher $bundle" || true
    wait "$opener" 2>/dev/null || true
    say "$kind: xdg-open opened the bundle in the console"

    # the headless verify command, as a user types it
    as_user countersign verify "$bundle" >"$work/$kind-verify.out" 2>&1 || fail "verify: exit $? ($(cat "$work/$kind-verify.out"))"
    say "$kind: countersign verify: $(head -1 "$work/$kind-verify.out")"

    # nothing was written next to the binary
    local written
    written=$(find "$prefix" -newer "$marker" -print)
    [[ -z $written ]] || fail "files were written in $prefix: $written"

    # remove
    if [[ $kind == deb ]]; then
        "${as_root[@]}" dpkg -r countersign || fail "dpkg -r failed"
    else
        "${as_root[@]}" rpm -e countersign || fail "rpm -e failed"
    fi
    [[ ! -e /usr/bin/countersign ]] || fail "/usr/bin/countersign is left behind"
    [[ ! -e $prefix ]] || fail "$prefix is left behind: $(find "$prefix" | head)"
    [[ ! -e /usr/share/applications/$desktop ]] || fail "the menu entry is left behind"
    [[ $(as_user xdg-mime query default "$mime") != "$desktop" ]] || fail "$mime still opens with $desktop"
    say "$kind: removed cleanly (the user's own data stays in their home, as it should)"
    rm -rf "$home"
}

start_display
packages=("$dist"/*.deb)
[[ -e ${packages[0]} ]] || fail "no .deb in $dist"
for rpm in "$dist"/*.rpm; do
    [[ -e $rpm ]] || continue
    if command -v rpm >/dev/null; then packages+=("$rpm"); else say "not testing $rpm: no rpm here"; fi
done
for package in "${packages[@]}"; do
    smoke "$package"
done
say "all packages passed; figures in $figures"
