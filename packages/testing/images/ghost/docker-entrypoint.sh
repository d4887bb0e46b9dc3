#!/bin/bash
# Mirrors the official image's entrypoint: seed missing content folders, then drop to `node`.
set -e
if [[ "$*" == node*current/index.js* ]]; then
	base="$GHOST_INSTALL/content.orig"
	for src in "$base"/*/ "$base"/themes/*; do
		src="${src%/}"
		target="$GHOST_CONTENT/${src#"$base"/}"
		mkdir -p "$(dirname "$target")"
		if [ ! -e "$target" ]; then
			tar -cC "$(dirname "$src")" "$(basename "$src")" | tar -xC "$(dirname "$target")"
		fi
	done
	if [ "$(id -u)" = 0 ]; then
		find "$GHOST_CONTENT" \! -user node -exec chown node:node '{}' +
		exec setpriv --reuid=node --regid=node --init-groups "$BASH_SOURCE" "$@"
	fi
fi
exec "$@"
