//! Problems found in the content, each pointing at a file, a line and a field.

use std::fmt;

/// One thing an editor has to fix.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as given on the command line (`content/articles/x.toml`).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file (e.g. a missing file).
    pub line: usize,
    /// Dotted path of the field (`text.ru.body`, `sources.url`), if the problem has one.
    pub field: Option<String>,
    /// What is wrong, and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    /// `FILE:LINE: field `NAME`: message`, or without the parts it lacks.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Line numbers of byte offsets in one file.
#[derive(Clone, Debug)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_display() {
        let lines = Lines::new("a\nbc\n\nd");
        assert_eq!(
            [0, 1, 2, 4, 5, 6].map(|o| lines.line(o)),
            [1, 1, 2, 2, 3, 4]
        );
        let problem = Problem {
            file: "content/articles/x.toml".into(),
            line: 7,
            field: Some("sources.url".into()),
            message: "bad".into(),
        };
        assert_eq!(
            problem.to_string(),
            "content/articles/x.toml:7: field `sources.url`: bad"
        );
    }
}
