#!/bin/sh
# Type-checks every workspace with its own tsconfig.json (core without DOM or Node types, web
# with the DOM only, …), then every test file. Fails on the first error.
set -e
for dir in packages/*/ examples/*/ bench/; do
  if [ -f "${dir}tsconfig.json" ]; then
    echo "tsc -p ${dir}"
    npx --no-install tsc -p "${dir}"
  fi
done
echo "tsc -p tsconfig.test.json"
npx --no-install tsc -p tsconfig.test.json
