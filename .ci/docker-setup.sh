#!/usr/bin/env bash
# tradeoff-bench CI: make a Docker engine and the offline PostgreSQL image available.
#
# Docker Hub is unreachable on the CI machine, so nothing is ever pulled: the
# PostgreSQL image is built from Debian's postgresql-15 package (debootstrap +
# docker import) with the entrypoint in .ci/postgres-image/. See
# .ci/postgres-image/README.md.
#
# Idempotent: installs docker.io / debootstrap only when missing, starts dockerd
# only when no engine answers (never a second one), builds the image only when
# `docker image inspect` does not find it. Prints one line per step with its
# duration; on failure prints one line starting with "docker-setup: FAILED" and
# exits non-zero (the caller decides whether that is fatal).
#
# Environment:
#   TB_PG_IMAGE      image tag to build (default tradeoff-bench/postgres:15-offline)
#   TB_PG_MIRROR     Debian mirror for debootstrap (default: from the apt sources)
#   TB_SETUP_LOG     detailed output of apt-get/debootstrap/import
#                    (default /var/log/tradeoff-bench-docker-setup.log)
#   TB_DOCKERD_LOG   dockerd's log (default /var/log/dockerd-ci.log)
set -euo pipefail

export LC_ALL=C
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

TAG="${TB_PG_IMAGE:-tradeoff-bench/postgres:15-offline}"
SUITE=bookworm
PG_PACKAGE=postgresql-15
SETUP_LOG="${TB_SETUP_LOG:-/var/log/tradeoff-bench-docker-setup.log}"
DOCKERD_LOG="${TB_DOCKERD_LOG:-/var/log/dockerd-ci.log}"
ENGINE_TIMEOUT=60
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENTRYPOINT_SRC="$SCRIPT_DIR/postgres-image/docker-entrypoint.sh"
WORK=""

T_START=$EPOCHREALTIME

say() { printf 'docker-setup: %s\n' "$*"; }
fail() {
  printf 'docker-setup: FAILED: %s\n' "$*" >&2
  exit 1
}
# Seconds since $1 (an $EPOCHREALTIME value): one decimal below 10 s.
since() {
  awk -v a="$1" -v b="$EPOCHREALTIME" \
    'BEGIN { d = b - a; if (d < 10) printf "%.1f", d; else printf "%.0f", d }'
}
engine_answers() { timeout 20 docker info > /dev/null 2>&1; }

# debootstrap may leave /proc, /sys or a bind-mounted /dev inside the root when
# it fails: unmount everything below $WORK before deleting it, and never cross
# into another filesystem while deleting.
cleanup() {
  [ -n "$WORK" ] && [ -d "$WORK" ] || return 0
  local m
  awk -v p="$WORK/" 'index($2, p) == 1 { print $2 }' /proc/mounts | sort -r |
    while read -r m; do umount -l "$m" 2> /dev/null || true; done
  if awk -v p="$WORK/" 'index($2, p) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    printf 'docker-setup: warning: mounts remain below %s, not deleting it\n' "$WORK" >&2
    return 0
  fi
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'fail "unexpected error at line $LINENO (see $SETUP_LOG)"' ERR

[ "$(id -u)" = 0 ] || fail "must run as root (installs packages, starts dockerd, runs debootstrap)"
command -v docker > /dev/null || fail "no docker client in PATH"
mkdir -p "$(dirname "$SETUP_LOG")" "$(dirname "$DOCKERD_LOG")"
printf '\n===== docker-setup %s =====\n' "$(date -u +%FT%TZ)" >> "$SETUP_LOG"

# One run at a time (CI steps and developers may start it concurrently). The
# lock descriptor is closed for dockerd, which outlives this script.
exec 9> /var/lock/tradeoff-bench-docker-setup.lock
flock -w 900 9 || fail "another docker-setup run still holds /var/lock/tradeoff-bench-docker-setup.lock"

# --- 1. packages ---------------------------------------------------------------
missing=()
command -v dockerd > /dev/null || missing+=(docker.io)
command -v debootstrap > /dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -eq 0 ]; then
  say "packages docker.io, debootstrap already installed"
else
  t=$EPOCHREALTIME
  # dockerd cannot start containers without apparmor_parser when the kernel enforces AppArmor.
  if [ "$(cat /sys/module/apparmor/parameters/enabled 2> /dev/null || true)" = Y ] &&
    ! command -v apparmor_parser > /dev/null; then
    missing+=(apparmor)
  fi
  apt-get update >> "$SETUP_LOG" 2>&1 || fail "apt-get update failed (see $SETUP_LOG)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
    >> "$SETUP_LOG" 2>&1 9>&- || fail "apt-get install ${missing[*]} failed (see $SETUP_LOG)"
  command -v dockerd > /dev/null || fail "dockerd still missing after installing docker.io"
  command -v debootstrap > /dev/null || fail "debootstrap still missing after installing it"
  say "installed ${missing[*]} in $(since "$t") s"
fi

# --- 2. engine -----------------------------------------------------------------
# A live dockerd's pid, if any. A killed dockerd can linger as a zombie until PID 1 reaps it (seen on this machine
# kind when the previous session's processes are ended just before CI): pgrep lists zombies too, so skip them.
live_dockerd() {
  local pid
  for pid in $(pgrep -x dockerd); do
    if [ -r "/proc/$pid/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status"; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}

if engine_answers; then
  say "engine already running"
else
  t=$EPOCHREALTIME
  # Up to three tries: a dockerd killed just before this script may still hold its pid file or socket for a
  # moment, and a new one started then exits at once.
  for attempt in 1 2 3; do
    if pid=$(live_dockerd); then
      # Never start a second dockerd beside a running one: wait for it instead.
      say "dockerd already started (pid $pid), waiting for it"
    else
      # A pid file naming a dead (or zombie) dockerd makes a new one refuse to start: it is stale, remove it.
      rm -f /var/run/docker.pid
      # Own session, no terminal, no inherited descriptors: survives this script and the CI step.
      setsid -f nohup dockerd >> "$DOCKERD_LOG" 2>&1 < /dev/null 9>&-
    fi
    deadline=$((${EPOCHREALTIME%.*} + ENGINE_TIMEOUT))
    until engine_answers; do
      live_dockerd > /dev/null || break
      [ "${EPOCHREALTIME%.*}" -lt "$deadline" ] ||
        fail "docker engine did not answer within ${ENGINE_TIMEOUT} s (see $DOCKERD_LOG)"
      sleep 0.2
    done
    engine_answers && break
    [ "$attempt" -lt 3 ] || fail "dockerd exited during start-up three times (see $DOCKERD_LOG)"
    say "dockerd exited during start-up (try $attempt of 3); starting it again in 2 s"
    sleep 2
  done
  say "engine ready in $(since "$t") s"
fi

# --- 3. PostgreSQL image -------------------------------------------------------
# The Debian mirror of the main suite, from the apt sources (deb822 or one-line).
find_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v suite="$SUITE" '
      function flush() {
        if (deb && hit && main && !off && uri ~ /^(https?|file):/ && !done) { print uri; done = 1 }
        deb = hit = main = off = 0; uri = ""
      }
      /^[ \t]*$/ { flush(); next }
      /^[ \t]*#/ { next }
      { key = tolower($1) }
      key == "types:"      { for (i = 2; i <= NF; i++) if ($i == "deb") deb = 1 }
      key == "uris:"       { uri = $2 }
      key == "suites:"     { for (i = 2; i <= NF; i++) if ($i == suite) hit = 1 }
      key == "components:" { for (i = 2; i <= NF; i++) if ($i == "main") main = 1 }
      key == "enabled:" && tolower($2) == "no" { off = 1 }
      END { flush() }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v suite="$SUITE" '
      $1 != "deb" { next }
      {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) != suite || $i !~ /^(https?|file):/) next
        for (j = i + 2; j <= NF; j++) if ($j == "main") { print $i; exit }
      }' "$f"
  done
}

if docker image inspect "$TAG" > /dev/null 2>&1; then
  say "image $TAG already present"
else
  t_image=$EPOCHREALTIME
  [ -f "$ENTRYPOINT_SRC" ] || fail "entrypoint not found: $ENTRYPOINT_SRC"
  mirror="${TB_PG_MIRROR:-}"
  [ -n "$mirror" ] || mirror="$(find_mirror | sed -n 1p)"
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  WORK="$(mktemp -d /var/tmp/tb-pg-image.XXXXXX)"
  root="$WORK/root"

  t=$EPOCHREALTIME
  if ! debootstrap --variant=minbase --include="$PG_PACKAGE" "$SUITE" "$root" "$mirror" \
    >> "$SETUP_LOG" 2>&1 9>&-; then
    # Its detailed log lives inside the root, which the exit trap deletes: keep a copy.
    if [ -f "$root/debootstrap/debootstrap.log" ]; then
      { echo "--- $root/debootstrap/debootstrap.log (last 100 lines)"
        tail -n 100 "$root/debootstrap/debootstrap.log"; } >> "$SETUP_LOG" 2>&1 || true
    fi
    fail "debootstrap $SUITE from $mirror failed (see $SETUP_LOG)"
  fi
  [ -x "$root/usr/lib/postgresql/15/bin/postgres" ] || fail "debootstrap did not install $PG_PACKAGE"
  say "debootstrap $SUITE + $PG_PACKAGE from $mirror in $(since "$t") s"

  t=$EPOCHREALTIME
  install -D -m 0755 "$ENTRYPOINT_SRC" "$root/usr/local/bin/docker-entrypoint.sh"
  size_before=$(du -sm "$root" | cut -f1)
  # Docs, manuals, translations, apt caches; and the "main" cluster that the
  # Debian package creates at install time (the image initialises $PGDATA itself).
  rm -rf "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
    "$root"/usr/share/locale/* "$root"/usr/share/i18n "$root"/usr/share/lintian \
    "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/cache/debconf/*-old \
    "$root"/var/lib/postgresql/15 "$root"/etc/postgresql/15
  find "$root/var/log" -type f -delete
  size_after=$(du -sm "$root" | cut -f1)
  say "entrypoint copied, root trimmed ${size_before} -> ${size_after} MB in $(since "$t") s"

  t=$EPOCHREALTIME
  if awk -v p="$root/" 'index($2, p) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    fail "file systems still mounted below $root after debootstrap"
  fi
  tar -C "$root" --numeric-owner -c . 9>&- 2>> "$SETUP_LOG" |
    docker import \
      -c 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
      -c 'CMD ["postgres"]' \
      -c 'ENV PGDATA=/var/lib/postgresql/data' \
      -c 'EXPOSE 5432' \
      -m "tradeoff-bench: $PG_PACKAGE from Debian $SUITE, built offline by .ci/docker-setup.sh" \
      - "$TAG" >> "$SETUP_LOG" 2>&1 9>&- || fail "docker import of $TAG failed (see $SETUP_LOG)"
  say "docker import in $(since "$t") s"
  say "image $TAG built in $(since "$t_image") s"
  cleanup
  WORK=""
fi

version="$(timeout 60 docker run --rm --network none --entrypoint /usr/lib/postgresql/15/bin/postgres \
  "$TAG" --version 2>&1)" || fail "image $TAG does not run postgres --version: $version"
say "image $TAG: $version"
say "done in $(since "$T_START") s"
