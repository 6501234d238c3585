#!/usr/bin/env bash
# ./build.sh run [serve options]   build and run the whole system (embedded PostgreSQL, Development)
# ./build.sh test [dotnet test options]   build and run every test project; last line "N passed, N failed"
# ./build.sh bench [name ...]      run the benchmarks under bench/ (all, or those named)
# ./build.sh audit                 fail on a package (direct or transitive) with a known high or critical vulnerability
# Installs what a fresh Debian machine lacks first (with sudo when not root).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export HOME="${HOME:-/root}"
configuration=Release
results=artifacts/test-results

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (no sudo here); install those Debian packages by hand and run again"; fi
}

apt_install() {
  [ $# -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing Debian packages: $*; this script installs them with apt-get, which is not here"
  say "Installing Debian packages: $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

have_postgres() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
have_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

need_runtime() {
  command -v dotnet >/dev/null 2>&1 || die ".NET 10 SDK not found: install dotnet-sdk-10.0 and run again"
  local missing=()
  have_postgres || missing+=(postgresql)
  id postgres >/dev/null 2>&1 || [ "$(id -u)" != 0 ] || missing+=(postgresql)
  # Every attachment is cleaned by mat2, run under bubblewrap (no network, read-only system, a private folder).
  command -v mat2 >/dev/null 2>&1 || missing+=(mat2)
  command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
  # mat2 cleans WAV, MP4 and AVI through ffmpeg, and says "Unable to find ffmpeg" without it.
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
  apt_install "${missing[@]}"
}

need_test_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  have_package fonts-noto-cjk || missing+=(fonts-noto-cjk)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # Go's own sumdb/note and sumdb/tlog, built offline in the Disclosure tests to verify our transparency log.
  command -v go >/dev/null 2>&1 || missing+=(golang-go)
  have_package golang-golang-x-mod-dev || missing+=(golang-golang-x-mod-dev)
  # The attachment tests make real files with a known marker, and read the cleaned ones back with these.
  command -v exiftool >/dev/null 2>&1 || missing+=(libimage-exiftool-perl)
  [ -x /usr/bin/convert ] || missing+=(imagemagick)
  command -v zip >/dev/null 2>&1 || missing+=(zip)
  apt_install "${missing[@]}"
}

need_bench_tools() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
  apt_install "${missing[@]}"
}

counter() { grep -o " $2=\"[0-9]*\"" <<<"$1" | grep -o '[0-9]*' || echo 0; }

# Sums the TRX files of this run into the one closing line that CI reads.
summarize() {
  local build_status=$1 passed=0 failed=0 skipped=0 c
  shopt -s nullglob
  for trx in "$results"/*.trx; do
    c=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    passed=$((passed + $(counter "$c" passed)))
    failed=$((failed + $(counter "$c" failed) + $(counter "$c" error) + $(counter "$c" timeout) + $(counter "$c" aborted)))
    skipped=$((skipped + $(counter "$c" notExecuted)))
  done
  if [ "$build_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    say "The test run failed before any test failed (build error, a vulnerable package or a crashed test host; see above)."
    failed=1
  fi
  echo
  if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

do_run() {
  need_runtime
  dotnet build src/Host/Reporting.Host.csproj -c "$configuration" -nologo -v quiet
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  say "Starting reporting ($ASPNETCORE_ENVIRONMENT) on http://127.0.0.1:5080 — data in .data/, Ctrl+C stops it and its PostgreSQL."
  exec dotnet "src/Host/bin/$configuration/net10.0/reporting.dll" serve "$@"
}

# One test project: its own TRX file and log, so that parallel projects never overwrite each other's results.
test_project() {
  local project=$1 name
  shift
  name=$(basename "$project" .csproj)
  if dotnet test "$project" -c "$configuration" --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" >"$results/$name.log" 2>&1; then
    say "$name: passed"
  else
    say "$name: FAILED"; cat "$results/$name.log" >&2; return 1
  fi
}

# NuGet's own advisory data, read through `dotnet list package --vulnerable`. A registry mirror that publishes no
# advisories (this one does not) can be paired with one that does: REPORTING_ADVISORY_SOURCE names a NuGet V3 index
# with a VulnerabilityInfo resource, used as NuGet's audit source.
do_audit() {
  local config=() report
  if [ -n "${REPORTING_ADVISORY_SOURCE:-}" ]; then
    local file
    file=$(mktemp --suffix=.config)
    cat >"$file" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <auditSources><clear /><add key="advisories" value="$REPORTING_ADVISORY_SOURCE" allowInsecureConnections="true" /></auditSources>
</configuration>
CONFIG
    config=(--config "$file")
  fi
  report=$(dotnet list Reporting.sln package --vulnerable --include-transitive --format json "${config[@]}") ||
    die "dotnet list package --vulnerable failed: $report"
  [ ${#config[@]} -eq 0 ] || rm -f "${config[1]}"
  if grep -Eq '"severity": "(High|Critical)"' <<<"$report"; then
    printf '%s\n' "$report" >&2
    say "Audit: a package has a known vulnerability of high or critical severity (above)."
    return 1
  fi
  say "Audit: no package with a known high or critical vulnerability$([ ${#config[@]} -eq 0 ] || echo " (advisories from $REPORTING_ADVISORY_SOURCE)")."
}

do_test() {
  need_runtime
  need_test_tools
  rm -rf "$results"
  mkdir -p "$results"
  local status=0
  dotnet build Reporting.sln -c "$configuration" -nologo -v quiet || status=$?
  [ "$status" -ne 0 ] || do_audit || status=$?
  if [ "$status" -eq 0 ]; then
    # Interoperability tests fail instead of skipping when a tool is missing: need_test_tools installed them all.
    export REPORTING_TEST_TOOLS=required
    export -f test_project say
    export configuration results
    # Every test project listed in the solution, three at a time on this two-core machine.
    dotnet sln Reporting.sln list | grep -E '^tests/.*\.Tests\.csproj$' |
      xargs -P 3 -I{} bash -c 'test_project "$@"' _ {} "$@" || status=$?
  fi
  summarize "$status"
}

do_bench() {
  need_runtime
  need_bench_tools
  local names=("$@") project
  if [ ${#names[@]} -eq 0 ]; then
    for project in bench/*/; do names+=("$(basename "$project")"); done
  fi
  [ ${#names[@]} -gt 0 ] || die "no benchmarks under bench/ yet"
  for name in "${names[@]}"; do
    project=$(ls bench/*/*.csproj 2>/dev/null | grep -i "^bench/$name/" | head -1) || true
    [ -n "$project" ] || die "no benchmark named $name under bench/"
    say "Benchmark $name"
    dotnet run -c "$configuration" --project "$project"
  done
}

case "${1:-}" in
  run) shift; do_run "$@" ;;
  test) shift; do_test "$@" ;;
  bench) shift; do_bench "$@" ;;
  audit) shift; do_audit ;;
  *) sed -n '2,6p' "$0" | sed 's/^# //'; exit 2 ;;
esac
