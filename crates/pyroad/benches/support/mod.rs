//! What the CLI benches share: the release binary over a throwaway data
//! directory holding one generated roadmap.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Cli {
    binary: &'static Path,
    pub data: PathBuf,
    /// Holds the data directory and the roadmap file until the bench ends.
    dir: tempfile::TempDir,
}

impl Cli {
    /// A fresh data directory with `markdown` added as roadmap `name`.
    pub fn with_roadmap(name: &str, markdown: &str) -> Cli {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join(format!("{name}.md"));
        std::fs::write(&file, markdown).expect("write roadmap");
        let cli = Cli { binary: Path::new(env!("CARGO_BIN_EXE_pyroad")), data: dir.path().join("data"), dir };
        cli.run(&["roadmap", "add", file.to_str().expect("UTF-8 path"), "--name", name]);
        cli
    }

    /// A scratch folder beside the data directory, gone with the bench.
    #[allow(dead_code)] // only the mark bench needs one
    pub fn scratch(&self) -> &Path {
        self.dir.path()
    }

    /// Runs pyroad on the embedded store (never `DATABASE_URL`); its stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new(self.binary)
            .args(args)
            .env_remove("DATABASE_URL")
            .env("PYROAD_DATA_DIR", &self.data)
            .output()
            .expect("run pyroad");
        assert!(out.status.success(), "pyroad {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}
