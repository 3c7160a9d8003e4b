#!/usr/bin/env bash
# Makes the TorchSharp peer loadable on Debian 12 and prints the command that starts the benchmark binary.
#
# TorchSharp-cpu 0.107.0's native LibTorchSharp.so needs GLIBCXX_3.4.32 (GCC 13's libstdc++); Debian 12 ships GCC 12's,
# and Debian 13's libstdc++ in turn needs glibc 2.38. So, when the system's libstdc++ is too old, this script takes
# Debian 13's libc6, libgcc-s1 and libstdc++6 with `apt-get download` (a private apt state under $dir: the system's
# sources, lists and installed packages are not touched), unpacks them into $dir/root, and writes a copy of the
# benchmark's app host whose ELF interpreter and RPATH point there (patchelf, installed from Debian when missing).
# Only that one process runs on the newer C library; nothing else on the machine changes.
#
#   peer-runtime.sh BENCHMARK_BIN_DIR CACHE_DIR   -> prints the path of the program to run
set -euo pipefail
bin="$1"
dir="$2"
app="$bin/NormDecay.Benchmarks"
native="$bin/runtimes/linux-x64/native/libLibTorchSharp.so"

system_stdcxx="$(ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')"
if [[ ! -f "$native" ]] || grep -q GLIBCXX_3.4.32 "$system_stdcxx" 2>/dev/null; then
  echo "$app"   # the system's C++ runtime is new enough (or TorchSharp is not in the build): run as is
  exit 0
fi

lib="$dir/root/usr/lib/x86_64-linux-gnu"
if [[ ! -f "$lib/libstdc++.so.6" || ! -f "$lib/ld-linux-x86-64.so.2" ]]; then
  echo "peer-runtime: $system_stdcxx lacks GLIBCXX_3.4.32; fetching Debian 13's libc6, libgcc-s1, libstdc++6 into $dir" >&2
  mkdir -p "$dir/parts" "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/debs" "$dir/root"
  cat > "$dir/parts/trixie.sources" <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$dir/parts" -o "Dir::State::Lists=$dir/lists"
            -o "Dir::Cache=$dir/cache" -o "Dir::State::status=/dev/null" -o "APT::Sandbox::User=root" -q)
  apt-get "${apt_opts[@]}" update >&2
  (cd "$dir/debs" && apt-get "${apt_opts[@]}" download libc6 libgcc-s1 libstdc++6 >&2)
  for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
fi

if ! command -v patchelf >/dev/null 2>&1; then
  echo "peer-runtime: installing patchelf (Debian)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends patchelf >&2
fi
patched="$bin/NormDecay.Benchmarks.peer-runtime"
cp "$app" "$patched"
patchelf --set-interpreter "$lib/ld-linux-x86-64.so.2" --force-rpath --set-rpath "$lib" "$patched"
echo "$patched"
