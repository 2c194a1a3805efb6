#!/bin/sh
# Puts Debian's prometheus package (prometheus and promtool) under DEST/usr/bin, unless it is there already.
#
#   monitoring/fetch-prometheus.sh DEST
#
# Run by the Maven build (exec-maven-plugin, monitoring/pom.xml) before the tests, on any Debian-like machine
# with only a JDK: no root needed, nothing installed system-wide. It asks apt for the package with the
# machine's own sources (so the archive's signatures are checked as for any install):
#   1. with the machine's package lists, when they are there and know the package;
#   2. else with package lists of its own, fetched into DEST/../apt (a fresh machine or container has none,
#      and a non-root user may not update the system's).
# The .deb is unpacked with dpkg-deb -x into DEST; nothing of it runs. Fails with one message if neither works.
#
# FETCH_PROMETHEUS_APT_OPTS: extra apt options for step 1, e.g. "-o Dir::State::Lists=/tmp/empty" to try
# the path of a fresh machine on this one.
# PROMETHEUS_DEB_VERSION: the package version to fetch (apt's prometheus=VERSION), e.g. 2.42.0+ds-5+deb12u1;
# by default the sources' current one. The version unpacked is written to DEST/VERSION either way.
set -eu

dest=${1:?usage: fetch-prometheus.sh DEST}
if [ -x "$dest/usr/bin/prometheus" ] && [ -x "$dest/usr/bin/promtool" ] && [ -s "$dest/VERSION" ] \
    && { [ -z "${PROMETHEUS_DEB_VERSION:-}" ] || [ "$(cat "$dest/VERSION")" = "$PROMETHEUS_DEB_VERSION" ]; }; then
  exit 0
fi
package=prometheus${PROMETHEUS_DEB_VERSION:+=$PROMETHEUS_DEB_VERSION}

fail() {
  echo "fetch-prometheus: cannot get Debian's prometheus package: $1" >&2
  echo "fetch-prometheus: the monitoring tests need it; on a Debian or Ubuntu machine with network access to its apt" >&2
  echo "fetch-prometheus: sources this works without root. Or unpack the package yourself: dpkg-deb -x prometheus_*.deb $dest" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get is not on this machine (not Debian-like)"
command -v dpkg-deb >/dev/null 2>&1 || fail "dpkg-deb is not on this machine"

mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
work="$dest/../apt"
rm -rf "$work"
mkdir -p "$work/download" "$work/lists/partial" "$work/cache/archives/partial"
# apt drops to the _apt user for downloads when run as root; that user cannot write to a build directory.
sandbox="-o APT::Sandbox::User=$(id -un)"

download() {
  # shellcheck disable=SC2086 # the options are words on purpose
  (cd "$work/download" && apt-get -q $sandbox "$@" download "$package") >"$work/download.log" 2>&1
}

# shellcheck disable=SC2086
if ! download ${FETCH_PROMETHEUS_APT_OPTS:-}; then
  echo "fetch-prometheus: the machine's apt lists do not have prometheus; fetching lists of our own" >&2
  own="-o Dir::State::Lists=$work/lists -o Dir::Cache=$work/cache -o Debug::NoLocking=1"
  # shellcheck disable=SC2086
  apt-get -q $sandbox $own update >"$work/update.log" 2>&1 || true
  # shellcheck disable=SC2086
  download $own || fail "apt-get download failed: $(tail -n 3 "$work/update.log" "$work/download.log" | tr '\n' ' ')"
fi

deb=$(ls "$work"/download/prometheus_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "apt-get download left no .deb in $work/download"
dpkg-deb -x "$deb" "$dest" || fail "dpkg-deb -x $deb failed"
dpkg-deb -f "$deb" Version >"$dest/VERSION" || fail "dpkg-deb -f $deb Version failed"
[ -x "$dest/usr/bin/prometheus" ] && [ -x "$dest/usr/bin/promtool" ] || fail "$deb has no usr/bin/prometheus and usr/bin/promtool"
echo "fetch-prometheus: $(basename "$deb") (version $(cat "$dest/VERSION")) unpacked into $dest" >&2
rm -rf "$work/download" "$work/lists" "$work/cache"
