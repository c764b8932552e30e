//! Rebuild when the embedded exercises change (include_dir cannot track them on stable).
fn main() {
    println!("cargo:rerun-if-changed=../../content/exercises");
    println!("cargo:rerun-if-changed=src/py");
}
