package web

import (
	"html/template"
	"strings"
)

// htmlTable is a long table written as HTML here rather than by a
// template, which would escape its thousands of cells one by one through
// reflection. Every text is escaped with template.HTMLEscapeString, and a
// link is written only to an address on this site (starting with "/"),
// escaped the same way.
type htmlTable struct {
	Class   string
	Caption string
	Columns []string
	// RowHeads makes each row's first cell its header.
	RowHeads bool
	Rows     [][]tableCell
	Foot     []tableCell
}

// tableCell is one cell: its text, a link, and a tag shown after it.
type tableCell struct {
	Text, Href string
	Tags       []string
	Nowrap     bool
}

// HTML writes the table.
func (t *htmlTable) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<table class="`)
	b.WriteString(esc(t.Class))
	b.WriteString(`">`)
	if t.Caption != "" {
		b.WriteString("<caption>" + esc(t.Caption) + "</caption>")
	}
	b.WriteString("<thead><tr>")
	for _, c := range t.Columns {
		b.WriteString(`<th scope="col">` + esc(c) + "</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	row := func(cells []tableCell) {
		b.WriteString("<tr>")
		for i, c := range cells {
			tag := "td"
			if i == 0 && t.RowHeads {
				tag = `th scope="row"`
			} else if c.Nowrap {
				tag = `td class="nowrap"`
			}
			b.WriteString("<" + tag + ">")
			if strings.HasPrefix(c.Href, "/") {
				b.WriteString(`<a href="` + esc(c.Href) + `">` + esc(c.Text) + "</a>")
			} else {
				b.WriteString(esc(c.Text))
			}
			for _, tg := range c.Tags {
				b.WriteString(` <span class="tag">` + esc(tg) + "</span>")
			}
			b.WriteString("</" + tag[:2] + ">")
		}
		b.WriteString("</tr>")
	}
	for _, r := range t.Rows {
		row(r)
	}
	b.WriteString("</tbody>")
	if t.Foot != nil {
		b.WriteString("<tfoot>")
		row(t.Foot)
		b.WriteString("</tfoot>")
	}
	b.WriteString("</table>")
	return template.HTML(b.String())
}
