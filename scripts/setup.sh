#!/usr/bin/env bash
# Set up everything the project needs, idempotently:
#   Debian packages, Odoo 19 (Debian's odoo-19, extracted), a Python 3.11 venv
#   with Odoo's pins and the OCA addons, and a PostgreSQL login role.
# Everything lands under $STACK (default: .stack/ in the project, git-ignored).
# A second run downloads nothing: each step leaves a stamp and checks it.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STACK="${STACK:-$ROOT/.stack}"
ODOO_ROOT="$STACK/odoo-root"
VENV="$STACK/venv"
CACHE="$STACK/cache"
ODOO_PIN_VERSION="19.0.0+dfsg-1"
ODOO_PIN_SHA256="9d2f598b0555db17e291d48ed24df184c70823c053c4c5ed53c467ca7f629bbf"
SELFIE_NPM="@mediapipe/selfie_segmentation@0.1.1632777926"
SYSTEM_PACKAGES=(libpq-dev gcc python3.11-dev python3.11-venv chromium wkhtmltopdf
                 poppler-utils postgresql-15 fonts-noto-cjk)
BOOKWORM_LINK_PACKAGES=(libjs-jquery libjs-underscore libjs-jquery-form fonts-font-awesome
                        fonts-roboto-unhinted fonts-inconsolata fonts-ocr-b)
SID_LINK_PACKAGES=(fonts-montserrat)

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }
mkdir -p "$STACK" "$CACHE"

# --- 1. Debian packages of the machine --------------------------------------
system_packages() {
    local missing=()
    for p in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    command -v npm >/dev/null || missing+=(npm)
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})"
    log "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade --no-install-recommends "${missing[@]}" >/dev/null
}

# --- 2. Odoo 19 from Debian sid, extracted (never installed) ---------------
mirror_uri() {
    local uri
    uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null \
          | awk '{print $2}' | grep -v -- '-security' | grep -E '/debian/?$' | head -n1 || true)
    [ -n "$uri" ] || uri=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null \
          | awk '{print $2}' | grep -v -- '-security' | head -n1 || true)
    [ -n "$uri" ] || die "cannot find the machine's Debian mirror in /etc/apt/sources.list*"
    echo "$uri"
}

sid_apt() {
    local dir="$CACHE/apt-sid"
    mkdir -p "$dir/sources" "$dir/lists/partial" "$dir/cache/archives/partial"
    if [ ! -f "$dir/sources/sid.sources" ]; then
        cat >"$dir/sources/sid.sources" <<SRC
Types: deb
URIs: $(mirror_uri)
Suites: sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    fi
    apt-get -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$dir/sources" \
            -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" \
            -o Dir::State::status=/dev/null -o Debug::NoLocking=1 "$@"
}

fetch_debs() {  # fetch_debs sid|bookworm PKG...: download .debs into $CACHE/debs
    local where=$1; shift
    mkdir -p "$CACHE/debs"
    local need=()
    for p in "$@"; do ls "$CACHE/debs/${p}_"*.deb >/dev/null 2>&1 || need+=("$p"); done
    [ ${#need[@]} -eq 0 ] && return 0
    log "downloading from $where: ${need[*]}"
    if [ "$where" = sid ]; then
        [ -f "$CACHE/apt-sid/.updated" ] || { sid_apt update -qq && touch "$CACHE/apt-sid/.updated"; }
        (cd "$CACHE/debs" && sid_apt download "${need[@]}" -qq)
    else
        (cd "$CACHE/debs" && apt-get download -qq "${need[@]}") || {
            apt-get update -qq && (cd "$CACHE/debs" && apt-get download -qq "${need[@]}"); }
    fi
}

odoo_tree() {
    local stamp="$ODOO_ROOT/.complete"
    [ -f "$stamp" ] && return 0
    fetch_debs sid odoo-19 "${SID_LINK_PACKAGES[@]}"
    fetch_debs bookworm "${BOOKWORM_LINK_PACKAGES[@]}"
    local deb; deb=$(ls -t "$CACHE"/debs/odoo-19_*.deb | head -n1)
    if [[ "$deb" == *"odoo-19_${ODOO_PIN_VERSION/+/%2b}_all.deb" || "$deb" == *"odoo-19_${ODOO_PIN_VERSION}_all.deb" ]]; then
        echo "$ODOO_PIN_SHA256  $deb" | sha256sum -c --quiet - || die "checksum mismatch for $deb"
    else
        log "NOTE: sid now offers $(basename "$deb"), newer than the pinned $ODOO_PIN_VERSION; using it"
    fi
    rm -rf "$ODOO_ROOT"; mkdir -p "$ODOO_ROOT"
    log "extracting Odoo into $ODOO_ROOT"
    for d in "$deb" $(for p in "${SID_LINK_PACKAGES[@]}" "${BOOKWORM_LINK_PACKAGES[@]}"; do ls "$CACHE/debs/${p}_"*.deb; done); do
        dpkg -x "$d" "$ODOO_ROOT"
    done
    selfie_segmentation
    local broken; broken=$(find "$ODOO_ROOT" -xtype l | head -n5)
    [ -z "$broken" ] || die "unresolved symlinks in the Odoo tree: $broken"
    touch "$stamp"
}

selfie_segmentation() {
    # Debian removed this file, but the backend bundle lists it (console.error breaks every tour).
    local target="$ODOO_ROOT/usr/lib/python3/dist-packages/odoo/addons/mail/static/lib/selfie_segmentation/selfie_segmentation.js"
    [ -f "$target" ] && return 0
    local tgz; tgz=$(ls "$CACHE"/mediapipe-selfie_segmentation-*.tgz 2>/dev/null | head -n1 || true)
    if [ -z "$tgz" ]; then
        log "fetching selfie_segmentation.js from npm ($SELFIE_NPM)"
        (cd "$CACHE" && npm pack --silent "$SELFIE_NPM" >/dev/null)
        tgz=$(ls "$CACHE"/mediapipe-selfie_segmentation-*.tgz | head -n1)
    fi
    mkdir -p "$(dirname "$target")"
    tar -xzf "$tgz" -O package/selfie_segmentation.js >"$target"
}

# --- 3. Python venv ----------------------------------------------------------
python_venv() {
    local stamp="$VENV/.complete" want
    want=$(cat "$ROOT"/requirements/*.txt | sha256sum | cut -c1-16)
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
    if [ ! -x "$VENV/bin/python" ]; then
        log "creating the Python 3.11 venv in $VENV"
        /usr/bin/python3.11 -m venv "$VENV"
    fi
    echo "$ODOO_ROOT/usr/lib/python3/dist-packages" >"$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/odoo-debian.pth"
    log "installing Python requirements"
    "$VENV/bin/pip" install -q -c "$ROOT/requirements/odoo19.txt" -r "$ROOT/requirements/odoo19.txt"
    "$VENV/bin/pip" install -q -c "$ROOT/requirements/odoo19.txt" -r "$ROOT/requirements/oca.txt" -r "$ROOT/requirements/test.txt"
    "$VENV/bin/pip" check >/dev/null || { "$VENV/bin/pip" check; die "pip check failed"; }
    echo "$want" >"$stamp"
}

# --- 4. PostgreSQL -----------------------------------------------------------
postgres() {
    export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
    local role="${PGUSER:-odoo}"
    if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
        if [ "$PGHOST" = 127.0.0.1 ] && ls /etc/postgresql/*/main >/dev/null 2>&1; then
            log "starting the local PostgreSQL cluster"
            pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | tail -n1)" main start || true
            for _ in $(seq 1 20); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 0.5; done
        fi
        pg_isready -q -h "$PGHOST" -p "$PGPORT" || die "no PostgreSQL answers on $PGHOST:$PGPORT. Set PGHOST/PGPORT/PGUSER to a server where the role may create databases, or install postgresql-15."
    fi
    if psql -h "$PGHOST" -p "$PGPORT" -U "$role" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        return 0
    fi
    log "creating the PostgreSQL role $role"
    local admin
    for admin in postgres root; do
        if psql -h "$PGHOST" -p "$PGPORT" -U "$admin" -d postgres -tAc \
            "CREATE ROLE \"$role\" LOGIN CREATEDB" >/dev/null 2>&1; then return 0; fi
    done
    su postgres -c "psql -d postgres -c 'CREATE ROLE \"$role\" LOGIN CREATEDB'" >/dev/null 2>&1 \
        || die "cannot create the PostgreSQL role $role; create it (LOGIN CREATEDB) or set PGUSER"
}

step="${1:-all}"
case "$step" in
    all) system_packages; odoo_tree; python_venv; postgres ;;
    packages) system_packages ;;
    odoo) odoo_tree ;;
    venv) python_venv ;;
    postgres) postgres ;;
    *) die "unknown step $step" ;;
esac
