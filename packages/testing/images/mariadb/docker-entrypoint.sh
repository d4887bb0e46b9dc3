#!/bin/bash
# Entrypoint with the official mysql/mariadb images' contract: MARIADB_* wins over MYSQL_*,
# each also read from a *_FILE; first-boot init only when /var/lib/mysql holds no database;
# scripts in /docker-entrypoint-initdb.d run once; the server runs in the foreground as mysql.
set -eo pipefail
DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock

log() { echo "$(date -u +'%F %T') [Entrypoint]: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# env_var NAME: value of MARIADB_NAME, MYSQL_NAME, or the file named by their *_FILE twin.
env_var() {
	local v
	for v in "MARIADB_$1" "MYSQL_$1"; do
		if [ -n "${!v:-}" ]; then printf '%s' "${!v}"; return; fi
		local f="${v}_FILE"
		if [ -n "${!f:-}" ]; then cat "${!f}"; return; fi
	done
}
random_password() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
sql_string() { local s="${1//\\/\\\\}"; printf "'%s'" "${s//\'/\\\'}"; }
sql_ident() { printf '`%s`' "${1//\`/\`\`}"; }
client() { mariadb --protocol=socket --socket="$SOCKET" -uroot "$@"; }

init_database() {
	local root_pw database user password root_host
	root_pw=$(env_var ROOT_PASSWORD)
	database=$(env_var DATABASE)
	user=$(env_var USER)
	password=$(env_var PASSWORD)
	root_host=$(env_var ROOT_HOST)
	root_host=${root_host:-%}
	if [ -z "$root_pw" ] && [ -z "$(env_var ALLOW_EMPTY_ROOT_PASSWORD)$(env_var ALLOW_EMPTY_PASSWORD)" ]; then
		if [ -n "$(env_var RANDOM_ROOT_PASSWORD)" ]; then
			root_pw=$(random_password)
			echo "GENERATED ROOT PASSWORD: $root_pw"
		else
			die "Database is uninitialized and password option is not specified
	You need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD (or their MYSQL_* names)"
		fi
	fi
	[ "$user" != root ] || die "MYSQL_USER/MARIADB_USER=root: set the root password with *_ROOT_PASSWORD instead"

	log "Initializing database files"
	mariadb-install-db --datadir="$DATADIR" --rpm --auth-root-authentication-method=normal \
		--skip-test-db --skip-name-resolve --skip-log-bin >/dev/null
	log "Starting temporary server"
	"$@" --skip-networking --socket="$SOCKET" &
	local pid=$! i
	for i in $(seq 60); do
		client -e 'SELECT 1' >/dev/null 2>&1 && break
		kill -0 "$pid" 2>/dev/null || die "temporary server exited during initialization"
		sleep 1
	done

	local hc_pw sql
	hc_pw=$(random_password)
	sql="DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host<>'localhost'); FLUSH PRIVILEGES;"
	sql+="CREATE USER 'healthcheck'@'localhost' IDENTIFIED BY $(sql_string "$hc_pw");"
	sql+="CREATE USER 'healthcheck'@'127.0.0.1' IDENTIFIED BY $(sql_string "$hc_pw");"
	if [ "$root_host" != localhost ]; then
		sql+="CREATE USER 'root'@$(sql_string "$root_host") IDENTIFIED BY $(sql_string "$root_pw");"
		sql+="GRANT ALL ON *.* TO 'root'@$(sql_string "$root_host") WITH GRANT OPTION;"
		sql+="GRANT PROXY ON ''@'%' TO 'root'@$(sql_string "$root_host") WITH GRANT OPTION;"
	fi
	if [ -n "$database" ]; then
		sql+="CREATE DATABASE IF NOT EXISTS $(sql_ident "$database");"
	fi
	if [ -n "$user" ] && [ -n "$password" ]; then
		sql+="CREATE USER $(sql_string "$user")@'%' IDENTIFIED BY $(sql_string "$password");"
		if [ -n "$database" ]; then
			sql+="GRANT ALL ON $(sql_ident "${database//_/\\_}").* TO $(sql_string "$user")@'%';"
		fi
	fi
	sql+="ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$root_pw");"
	client <<<"$sql"
	printf '[mariadb-client]\nuser=healthcheck\npassword=%s\n' "$hc_pw" >"$DATADIR/.my-healthcheck.cnf"
	chmod 0600 "$DATADIR/.my-healthcheck.cnf"

	local f
	for f in /docker-entrypoint-initdb.d/*; do
		case "$f" in
		*.sh) log "running $f"; . "$f" ;;
		*.sql) log "running $f"; MYSQL_PWD=$root_pw client ${database:+"$database"} <"$f" ;;
		*.sql.gz) log "running $f"; gunzip -c "$f" | MYSQL_PWD=$root_pw client ${database:+"$database"} ;;
		*) [ ! -e "$f" ] || log "ignoring $f" ;;
		esac
	done

	log "Stopping temporary server"
	kill "$pid"
	wait "$pid"
	log "Database initialized"
}

# `docker run image --flag` passes flags to the server, like the official images.
if [ "${1:0:1}" = '-' ]; then set -- mariadbd "$@"; fi

if [[ "$1" == mariadbd || "$1" == mysqld ]]; then
	if [ "$(id -u)" = 0 ]; then
		mkdir -p "$DATADIR" /run/mysqld
		find "$DATADIR" /run/mysqld \! -user mysql -exec chown mysql:mysql '{}' +
		exec setpriv --reuid=mysql --regid=mysql --init-groups "$BASH_SOURCE" "$@"
	fi
	if [ ! -d "$DATADIR/mysql" ]; then
		init_database "$@"
	else
		log "Database already initialized: skipping initialization"
	fi
fi
exec "$@"
