#!/bin/sh
# As the official image: a config file argument means `registry serve <file>`; a registry
# subcommand or flag is passed to the registry; anything else runs as is.
set -e
case "$1" in
*.yaml | *.yml) set -- registry serve "$@" ;;
serve | garbage-collect | help | -*) set -- registry "$@" ;;
esac
exec "$@"
