// The curriculum is embedded with include_dir; rebuild when any file in it
// changes, is added or is removed.
fn main() {
    println!("cargo:rerun-if-changed=../../content/curriculum");
    println!("cargo:rerun-if-changed=../../content/exercises");
}
