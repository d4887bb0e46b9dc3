#!/bin/sh
# Like the official image: render /etc/nginx/templates/*.template into conf.d with the
# container's environment (only variables that are set), run /docker-entrypoint.d/*.sh.
set -e
if [ "$1" = nginx ]; then
	if [ -d /etc/nginx/templates ]; then
		defined=$(printf '${%s} ' $(env | cut -d= -f1))
		for t in /etc/nginx/templates/*.template; do
			[ -f "$t" ] || continue
			out="/etc/nginx/conf.d/$(basename "$t" .template)"
			envsubst "$defined" <"$t" >"$out"
		done
	fi
	for s in /docker-entrypoint.d/*.sh; do
		[ -x "$s" ] && "$s"
	done
fi
exec "$@"
