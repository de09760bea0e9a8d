//! The rules of product files: ids, references, approvals (one per regulator, dates in
//! order and not in the future, status dates where the status needs one) and citations.

use std::collections::HashMap;

use super::{Validator, at, is_slug};
use crate::load::FRONT_MATTER_OFFSET;
use crate::model::{Approval, ApprovalStatus, Product, Status};

const O: u64 = FRONT_MATTER_OFFSET;

impl<'a> Validator<'a> {
    /// Checks one product file.
    pub(super) fn product(&mut self, p: &'a Product) {
        let f = &p.front;
        let file = p.file.as_str();
        if !is_slug(&p.id) {
            let message = format!(
                "the file name `{}.md` breaks the id rules; expected lower-case ascii letters, digits and `-`, e.g. `tisagenlecleucel.md`",
                p.id
            );
            self.error(file, (1, 1), "invalid-id", message);
        }
        self.reference(file, at(&f.modality, O), "modality", p.modality(), "modality", self.modality_ids());
        if let Some(brands) = &f.brands {
            for regulator in brands.value.keys() {
                self.reference(file, at(brands, O), "brands", regulator, "regulator", self.regulator_ids());
            }
        }
        let mut seen: HashMap<&str, u64> = HashMap::new();
        for a in &f.approvals {
            if let Some(first) = seen.insert(a.regulator(), a.regulator.referenced.line() + O) {
                let message = format!(
                    "`{}` has a second approval entry; first on line {first}; give one entry per regulator",
                    a.regulator()
                );
                self.error(file, at(&a.regulator, O), "duplicate-regulator", message);
            }
            self.approval(file, a);
        }
        if f.status.value != Status::Draft && (f.reviewed.is_none() || f.reviewed_by.is_none()) {
            let message = format!(
                "`status` is `{}`, which needs `reviewed` (a date) and `reviewed_by` (who reviewed it)",
                f.status.value
            );
            self.error(file, at(&f.status, O), "missing-review", message);
        }
        self.not_future(file, &f.updated, O, "updated");
        if let Some(reviewed) = &f.reviewed {
            self.not_future(file, reviewed, O, "reviewed");
        }
        self.raw_html(file, &p.body, p.body_line);
    }

    fn approval(&mut self, file: &str, a: &Approval) {
        let known =
            self.reference(file, at(&a.regulator, O), "regulator", a.regulator(), "regulator", self.regulator_ids());
        self.not_future(file, &a.date, O, "date");
        match (&a.status_date, a.status.value) {
            (None, ApprovalStatus::Approved) => {}
            (None, status) => {
                let message = format!("`status` is `{status}`, which needs `status_date`: when it took effect");
                self.error(file, at(&a.status, O), "missing-field", message);
            }
            (Some(when), _) => {
                self.not_future(file, when, O, "status_date");
                if when.value.surely_before(&a.date.value) {
                    let message = format!(
                        "`status_date` is {}, before the approval `date` {}; expected a later date",
                        when.value, a.date.value
                    );
                    self.error(file, at(when, O), "date-order", message);
                }
            }
        }
        if a.sources.is_empty() {
            let message = format!(
                "the `{}` approval cites no source; cite at least one from sources/{}.yaml",
                a.regulator(),
                a.regulator()
            );
            self.error(file, at(&a.regulator, O), "missing-sources", message);
        }
        let source_ids = self.content.sources.iter().map(|s| s.id.value.as_str());
        for c in &a.sources {
            let found = self.reference(file, at(&c.id, O), "sources", &c.id.value, "source", source_ids.clone());
            let of = self.content.source(&c.id.value).map(|s| s.regulator.value.as_str());
            if let (true, true, Some(of)) = (found, known, of)
                && of != a.regulator()
            {
                let message = format!(
                    "source `{}` is {of}'s, but this is the `{}` approval; cite a source from sources/{}.yaml",
                    c.id.value,
                    a.regulator(),
                    a.regulator()
                );
                self.error(file, at(&c.id, O), "foreign-source", message);
            }
        }
    }
}
