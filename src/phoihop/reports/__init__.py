"""The joint annual report: builders and renderers. The .docx renderer in `docx/` does not depend on Django."""
