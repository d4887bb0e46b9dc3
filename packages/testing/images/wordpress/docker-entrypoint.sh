#!/bin/bash
# The official image's start-up contract: on first start, copy WordPress from /usr/src/wordpress
# into the (empty) web root, keeping plugins and themes already present in a mounted
# wp-content; then write wp-config.php from the template when WORDPRESS_* variables are set.
set -Eeuo pipefail
if [[ "$1" == apache2* ]]; then
	# As root, files go to www-data and directory owners are overwritten (so a freshly mounted
	# wp-content becomes writable); otherwise keep our own ids and leave directories alone.
	owner=(--owner "$(id -u)" --group "$(id -g)")
	extract=(--no-overwrite-dir)
	if [ "$(id -u)" = 0 ]; then
		owner=(--owner www-data --group www-data)
		extract=()
	fi
	if [ ! -e index.php ] && [ ! -e wp-includes/version.php ]; then
		echo >&2 "WordPress not found in $PWD - copying now..."
		skip=()
		for path in /usr/src/wordpress/.htaccess /usr/src/wordpress/wp-content/*/*/; do
			path="${path%/}"
			[ -e "$path" ] || continue
			rel="${path#/usr/src/wordpress/}"
			if [ -e "$PWD/$rel" ]; then
				echo >&2 "WARNING: '$PWD/$rel' exists, keeping it"
				skip+=(--exclude "./$rel")
			fi
		done
		tar --create --file - --directory /usr/src/wordpress "${owner[@]}" "${skip[@]}" . \
			| tar --extract --file - "${extract[@]}"
		echo >&2 "Complete! WordPress has been copied to $PWD"
	fi
	envs=("${!WORDPRESS_@}")
	if [ ! -s wp-config.php ] && [ "${#envs[@]}" -gt 0 ]; then
		echo >&2 "No wp-config.php found; creating it from WORDPRESS_* variables"
		awk '
			/put your unique phrase here/ {
				cmd = "head -c1m /dev/urandom | sha1sum | cut -d\\  -f1"
				cmd | getline key
				close(cmd)
				gsub("put your unique phrase here", key)
			}
			{ print }
		' /usr/src/wordpress/wp-config-docker.php >wp-config.php
		if [ "$(id -u)" = 0 ]; then
			chown www-data:www-data wp-config.php
		fi
	fi
fi
exec "$@"
