#!/usr/bin/env bash
# The baseline for `labctl class up tp01`: a plain shell loop of the docker commands that build the
# same thing for N students, one after the other: nginx with the student's page copied in before it
# starts, published on the student's port with a restart policy, then hello-world run to completion,
# both on the student's own bridge network.
# usage: tp01-shell-loop.sh N PORT_BASE NGINX_IMAGE HELLO_IMAGE CLASS
set -euo pipefail
n=$1 port_base=$2 nginx=$3 hello=$4 class=$5
page=$(mktemp)
trap 'rm -f "$page"' EXIT
for i in $(seq 1 "$n"); do
  s="s$i"
  labels=(-l dev.labctl.lab=tp01 -l "dev.labctl.student=$s" -l "dev.labctl.class=$class")
  printf '<!DOCTYPE html>\n<html><body data-labctl-student="%s"><h1>Hello, %s!</h1></body></html>\n' "$s" "$s" >"$page"
  docker network create --label dev.labctl.lab=tp01 --label "dev.labctl.student=$s" --label "dev.labctl.class=$class" \
    "$class-$s-net" >/dev/null
  docker create --name "$class-$s-web" --network "$class-$s-net" --network-alias web --restart unless-stopped -p "127.0.0.1:$((port_base + (i - 1) * 100)):80" \
    "${labels[@]}" "$nginx" >/dev/null
  docker cp "$page" "$class-$s-web:/usr/share/nginx/html/index.html"
  docker start "$class-$s-web" >/dev/null
  docker run --name "$class-$s-hello" --network "$class-$s-net" "${labels[@]}" "$hello" >/dev/null
done
