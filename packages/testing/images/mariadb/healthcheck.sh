#!/bin/bash
# Subset of the official MariaDB image's healthcheck.sh: --connect and --innodb_initialized
# (other flags are accepted and do a connect check). Uses the healthcheck account created on
# first boot; without it, falls back to `mariadb-admin ping` (server up, credentials not checked).
# Always over TCP: the temporary server of the first boot listens on the socket only, and must
# not look healthy.
set -eo pipefail
cnf=/var/lib/mysql/.my-healthcheck.cnf
query() {
	if [ -r "$cnf" ]; then
		mariadb --defaults-extra-file="$cnf" --protocol=tcp -h 127.0.0.1 --skip-column-names -B -e "$1"
	else
		mariadb-admin --protocol=tcp -h 127.0.0.1 ping >/dev/null
	fi
}
[ $# -gt 0 ] || set -- --connect
for arg in "$@"; do
	case "$arg" in
	--innodb_initialized)
		out=$(query "SELECT 1 FROM information_schema.ENGINES WHERE engine='InnoDB' AND support IN ('YES','DEFAULT')")
		[ ! -r "$cnf" ] || [ "$out" = 1 ] ;;
	--*) query "SELECT 1" >/dev/null ;;
	esac
done
