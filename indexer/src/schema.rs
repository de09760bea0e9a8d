//! JSON Schemas of the content files, generated from the model's own types, so that editors
//! (through yaml-language-server) complete fields and flag errors as contributors type.

use schemars::{JsonSchema, generate::SchemaSettings};

use crate::model::{Domain, FrontMatter, GlossaryEntry, Modality, ProductFront, Regulator, Source, Topic};

fn schema<T: JsonSchema>(title: &str) -> String {
    let mut schema = SchemaSettings::draft07().into_generator().into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    text
}

/// Every schema as `(file name, JSON)`, in the order of the content format.
pub fn schemas() -> Vec<(&'static str, String)> {
    vec![
        ("regulators.schema.json", schema::<Vec<Regulator>>("regkb regulators.yaml")),
        ("domains.schema.json", schema::<Vec<Domain>>("regkb domains.yaml")),
        ("topics.schema.json", schema::<Vec<Topic>>("regkb topics.yaml")),
        ("modalities.schema.json", schema::<Vec<Modality>>("regkb modalities.yaml")),
        ("glossary.schema.json", schema::<Vec<GlossaryEntry>>("regkb glossary.yaml")),
        ("sources.schema.json", schema::<Vec<Source>>("regkb sources/<regulator>.yaml")),
        ("record.schema.json", schema::<FrontMatter>("regkb record front matter (records/<regulator>/<topic>.md)")),
        ("product.schema.json", schema::<ProductFront>("regkb product front matter (products/<id>.md)")),
    ]
}

/// The modeline that points yaml-language-server at a schema, for a file `depth` folders
/// below the content root (the schemas live beside `content/`, in `schemas/`).
pub fn modeline(schema: &str, depth: usize) -> String {
    format!("# yaml-language-server: $schema={}schemas/{schema}", "../".repeat(depth + 1))
}
