#!/usr/bin/env bash
# Prints the headers that sign one PAO API call as a service account (HTTP Message Signatures,
# RFC 9421, with Content-Digest, RFC 9530), for curl:
#
#   pao-sign.sh METHOD PATH BODY_FILE|- PRIVATE_KEY.pem KEY_ID
#
#   headers=$(pao-sign.sh POST /api/v1/requests body.json key.pem "$KEY_ID")
#   args=(); while IFS= read -r h; do args+=(-H "$h"); done <<< "$headers"
#   curl -sS "${args[@]}" -H 'Content-Type: application/json' --data-binary @body.json \
#        "$PAO_URL/api/v1/requests"
#
# The key is an Ed25519 private key (openssl genpkey -algorithm ed25519 -out key.pem); register
# its public half (openssl pkey -in key.pem -pubout) with POST /api/v1/service-accounts. PATH is
# the path as sent, without the query. Send the call within the server's allowed skew (default 300
# seconds), once: the same signature is refused a second time.
set -euo pipefail

if [ "$#" -ne 5 ]; then
  echo "usage: $0 METHOD PATH BODY_FILE|- PRIVATE_KEY.pem KEY_ID" >&2
  exit 2
fi
method=$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')
path=$2
body=$3
key=$4
key_id=$5
created=$(date +%s)

base_file=$(mktemp)
trap 'rm -f "$base_file"' EXIT

if [ "$body" != "-" ]; then
  digest="sha-256=:$(openssl dgst -sha256 -binary "$body" | base64 | tr -d '\n'):"
  params="(\"@method\" \"@path\" \"content-digest\");created=$created;keyid=\"$key_id\";alg=\"ed25519\""
  printf '"@method": %s\n"@path": %s\n"content-digest": %s\n"@signature-params": %s' \
    "$method" "$path" "$digest" "$params" > "$base_file"
  echo "Content-Digest: $digest"
else
  params="(\"@method\" \"@path\");created=$created;keyid=\"$key_id\";alg=\"ed25519\""
  printf '"@method": %s\n"@path": %s\n"@signature-params": %s' \
    "$method" "$path" "$params" > "$base_file"
fi

signature=$(openssl pkeyutl -sign -inkey "$key" -rawin -in "$base_file" | base64 | tr -d '\n')
echo "Signature-Input: sig1=$params"
echo "Signature: sig1=:$signature:"
