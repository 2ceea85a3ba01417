#!/bin/sh
# Regenerates every raster icon from the SVGs in this folder. The outputs are committed, so a build never needs
# these tools; run this after changing an SVG and commit what it writes.
#
# Needs (Debian/Ubuntu): apt-get install -y librsvg2-bin icoutils icnsutils
#   rsvg-convert (librsvg2-bin)  SVG -> PNG
#   icotool      (icoutils)      PNGs -> Windows .ico
#   png2icns     (icnsutils)     PNGs -> macOS .icns
#
# 16 px comes from the hand-placed pixel drawings (*-16.svg); every other size from the 256-unit drawings.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "render.sh: $tool is missing: apt-get install -y librsvg2-bin icoutils icnsutils" >&2
        exit 1
    }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# render NAME SIZE OUT: the PNG of icon NAME at SIZE px
render() {
    if [ "$2" = 16 ]; then
        rsvg-convert -w 16 -h 16 "$here/$1-16.svg" -o "$3"
    else
        rsvg-convert -w "$2" -h "$2" "$here/$1.svg" -o "$3"
    fi
}

mkdir -p "$here/png" "$root/installers/windows" "$root/installers/macos" "$root/installers/linux" \
    "$root/app/src/main/resources/dev/countersign/app/icons"

for name in countersign countersign-bundle; do
    for size in 16 24 32 48 64 128 256 512 1024; do
        render "$name" "$size" "$work/$name-$size.png"
    done
    # Linux sizes: the packages' icons (linux/, and the bundle's 128 px MIME icon) and the console's window icons
    for size in 16 24 32 48 64 128 256 512; do
        cp "$work/$name-$size.png" "$here/png/$name-$size.png"
    done
    # Windows: small sizes as bitmaps, 256 px stored as PNG (as Windows Vista and later read it)
    icotool -c -o "$root/installers/windows/$name.ico" \
        "$work/$name-16.png" "$work/$name-24.png" "$work/$name-32.png" "$work/$name-48.png" "$work/$name-64.png" \
        -r "$work/$name-256.png"
    # macOS: the sizes png2icns takes (16, 32, 48, 128, 256, 512, 1024)
    png2icns "$root/installers/macos/$name.icns" \
        "$work/$name-16.png" "$work/$name-32.png" "$work/$name-48.png" "$work/$name-128.png" \
        "$work/$name-256.png" "$work/$name-512.png" "$work/$name-1024.png" >/dev/null
    # jpackage --icon on Linux
    cp "$work/$name-256.png" "$root/installers/linux/$name.png"
done

# the console's window icons (AppIcons loads these from the classpath)
for size in 16 32 48 64 128 256; do
    cp "$work/countersign-$size.png" "$root/app/src/main/resources/dev/countersign/app/icons/countersign-$size.png"
done
echo "render.sh: icons written under installers/ and app/src/main/resources/dev/countersign/app/icons/"
