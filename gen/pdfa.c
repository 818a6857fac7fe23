/* pdfa.c: the PDF/A-1 frame of the print report. */
#include "pdfa.h"

#include <errno.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <libxml/entities.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* An ICC profile is a few kilobytes; anything past this is no profile. */
#define ICC_MAX (1u << 20)

/* The profile's bytes; NULL with a message in *err. */
static unsigned char *
S_read_icc(size_t *len, char **err)
{
	FILE *fp = fopen(PDFA_ICC_PROFILE, "rb");
	unsigned char *data;

	if (fp == NULL) {
		*err = xasprintf("cannot read the colour profile %s (Debian "
		    "package icc-profiles-free): %s", PDFA_ICC_PROFILE,
		    strerror(errno));
		return NULL;
	}
	data = xmalloc(ICC_MAX);
	*len = fread(data, 1, ICC_MAX, fp);
	/* The header alone is 128 bytes, and says what the profile is. */
	if (ferror(fp) || *len < 128 || *len == ICC_MAX ||
	    memcmp(data + 36, "acsp", 4) != 0 ||
	    memcmp(data + 16, "RGB ", 4) != 0) {
		*err = xasprintf("%s is no RGB colour profile (Debian "
		    "package icc-profiles-free)", PDFA_ICC_PROFILE);
		free(data);
		data = NULL;
	}
	fclose(fp);
	return data;
}

/* PDF/A-1 (ISO 19005-1, 6.2.2): device colours need one output intent
 * whose profile says what they mean; the report draws in sRGB.
 * libharu's HPDF_OutputIntent_New and HPDF_PDFA_AppendOutputIntents
 * write the key as "DestOutputProfile " (with a blank, so no reader
 * finds the profile); the intent is built here instead. */
static bool
S_output_intent(HPDF_Doc pdf, char **err)
{
	HPDF_Dict icc, intent;
	HPDF_Array intents;
	size_t len;
	unsigned char *data = S_read_icc(&len, err);

	if (data == NULL)
		return false;
	if ((icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) != NULL) {
		icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		HPDF_Dict_AddNumber(icc, "N", 3);
		HPDF_Stream_Write(icc->stream, data, (HPDF_UINT)len);
	}
	free(data);
	if (icc == NULL || (intent = HPDF_Dict_New(pdf->mmgr)) == NULL ||
	    (intents = HPDF_Array_New(pdf->mmgr)) == NULL)
		return true;	/* libharu's error handler has the error */
	HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	HPDF_Dict_Add(intent, "OutputConditionIdentifier",
	    HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(pdf->mmgr,
	    "http://www.color.org", NULL));
	HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, "sRGB",
	    NULL));
	HPDF_Dict_Add(intent, "DestOutputProfile", icc);
	HPDF_Array_Add(intents, intent);
	HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
	return true;
}

/* The XMP date of the info's date: PDF/A wants them to be the same. */
static void
S_xmp_date(struct buf *b, const char *tag, const HPDF_Date *d)
{
	buf_printf(b, "<%s>%04d-%02d-%02dT%02d:%02d:%02dZ</%s>\n", tag,
	    d->year, d->month, d->day, d->hour, d->minutes, d->seconds, tag);
}

/* <tag>value</tag>, the value escaped; as an rdf:Alt or rdf:Seq of one
 * when kind is given. */
static void
S_xmp_text(struct buf *b, const char *tag, const char *kind,
    const char *value)
{
	xmlChar *v;

	if (value == NULL)
		return;
	v = xmlEncodeSpecialChars(NULL, (const xmlChar *)value);
	if (v == NULL)
		out_of_memory();
	if (kind == NULL)
		buf_printf(b, "<%s>%s</%s>\n", tag, (const char *)v, tag);
	else
		buf_printf(b, "<%s><rdf:%s><rdf:li%s>%s</rdf:li></rdf:%s></%s>\n",
		    tag, kind, strcmp(kind, "Alt") == 0 ?
		    " xml:lang=\"x-default\"" : "", (const char *)v, kind, tag);
	xmlFree(v);
}

#define XMP_DESC "<rdf:Description rdf:about=\"\" xmlns:"

/* PDF/A-1 admits only the XMP schemas of 2004 unless the packet
 * describes the others: pdfuaid is one. */
static const char pdfua_schema[] =
    XMP_DESC "pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema"
    "</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
    "</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaProperty:name>part</pdfaProperty:name>\n"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
    "<pdfaProperty:description>Part of ISO 14289 the file conforms to"
    "</pdfaProperty:description>\n"
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "</rdf:Description>\n"
    XMP_DESC "pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
    "<pdfuaid:part>1</pdfuaid:part>\n"
    "</rdf:Description>\n";

/* The XMP packet: the info's entries again (PDF/A-1, 6.7.3: the same
 * values) and the PDF/A identification. */
static char *
S_xmp(const struct pdfa_meta *m, const char *producer)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    XMP_DESC "dc=\"http://purl.org/dc/elements/1.1/\">\n"
	    "<dc:format>application/pdf</dc:format>\n");
	S_xmp_text(&b, "dc:title", "Alt", m->title);
	S_xmp_text(&b, "dc:creator", "Seq", m->author);
	S_xmp_text(&b, "dc:description", "Alt", m->subject);
	S_xmp_text(&b, "dc:language", "Bag", m->lang);
	buf_puts(&b, "</rdf:Description>\n"
	    XMP_DESC "xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	S_xmp_text(&b, "xmp:CreatorTool", NULL, m->creator);
	if (m->has_date) {
		S_xmp_date(&b, "xmp:CreateDate", &m->date);
		S_xmp_date(&b, "xmp:ModifyDate", &m->date);
		S_xmp_date(&b, "xmp:MetadataDate", &m->date);
	}
	buf_puts(&b, "</rdf:Description>\n"
	    XMP_DESC "pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	S_xmp_text(&b, "pdf:Keywords", NULL, m->keywords);
	S_xmp_text(&b, "pdf:Producer", NULL, producer);
	buf_printf(&b, "</rdf:Description>\n"
	    XMP_DESC "pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	    "<pdfaid:part>1</pdfaid:part>\n"
	    "<pdfaid:conformance>%s</pdfaid:conformance>\n"
	    "</rdf:Description>\n%s"
	    "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
	    m->tagged ? "A" : "B", m->tagged ? pdfua_schema : "");
	return buf_detach(&b);
}

/* The metadata stream stays unfiltered: PDF/A-1 (6.7.2) wants it
 * readable by tools that know no PDF.  libharu's
 * HPDF_PDFA_SetPDFAConformance writes /SubType for /Subtype, escapes
 * nothing, and takes the /ID from the clock. */
static void
S_metadata(HPDF_Doc pdf, const char *xmp)
{
	HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);

	if (s == NULL)
		return;
	HPDF_Dict_AddName(s, "Type", "Metadata");
	HPDF_Dict_AddName(s, "Subtype", "XML");
	HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)xmp,
	    (HPDF_UINT)strlen(xmp));
	HPDF_Dict_Add(pdf->catalog, "Metadata", s);
}

static void
S_info(HPDF_Doc pdf, const struct pdfa_meta *m)
{
	const struct {
		HPDF_InfoType	 type;
		const char	*value;
	} info[] = {
		{ HPDF_INFO_TITLE, m->title },
		{ HPDF_INFO_AUTHOR, m->author },
		{ HPDF_INFO_SUBJECT, m->subject },
		{ HPDF_INFO_KEYWORDS, m->keywords },
		{ HPDF_INFO_CREATOR, m->creator },
	};

	for (size_t i = 0; i < sizeof(info) / sizeof(info[0]); i++)
		if (info[i].value != NULL)
			HPDF_SetInfoAttr(pdf, info[i].type, info[i].value);
	if (m->has_date) {
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, m->date);
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, m->date);
	}
}

/* Language, and the title in the window rather than the file name (PDF/UA
 * asks for both; HPDF_SetViewerPreference knows no DisplayDocTitle). */
static void
S_catalog(HPDF_Doc pdf, const struct pdfa_meta *m)
{
	HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict mark;

	HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr,
	    m->lang, NULL));
	if (prefs != NULL) {
		HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
		HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs);
	}
	if (m->tagged && (mark = HPDF_Dict_New(pdf->mmgr)) != NULL) {
		HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
		HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark);
	}
}

/* PDF/A-1 wants a trailer /ID; the same content gives the same file, so
 * it is an MD5 of what the pages draw and of the metadata (libharu's
 * HPDF_PDFA_GenerateID hashes the clock). */
static void
S_id(HPDF_Doc pdf, const HPDF_Page *pages, size_t npages, const char *xmp)
{
	HPDF_MD5_CTX md5;
	HPDF_BYTE id[HPDF_MD5_KEY_LEN];
	HPDF_Array a;

	HPDF_MD5Init(&md5);
	for (size_t i = 0; i < npages; i++) {
		HPDF_Stream s = ((HPDF_PageAttr)pages[i]->attr)->stream;
		HPDF_UINT n = HPDF_MemStream_GetBufCount(s);

		for (HPDF_UINT k = 0; k < n; k++) {
			HPDF_UINT len;
			HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, k, &len);

			if (p != NULL)
				HPDF_MD5Update(&md5, p, len);
		}
	}
	HPDF_MD5Update(&md5, (const HPDF_BYTE *)xmp, (HPDF_UINT32)strlen(xmp));
	HPDF_MD5Final(id, &md5);
	if ((a = HPDF_Array_New(pdf->mmgr)) == NULL)
		return;
	/* The first says which file this is, the second which version of
	 * it: both the same, for a file written once. */
	HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, id, sizeof(id)));
	HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, id, sizeof(id)));
	HPDF_Dict_Add(pdf->trailer, "ID", a);
}

void
pdfa_begin(HPDF_Doc pdf)
{
	pdf->pdf_version = HPDF_VER_14;
}

bool
pdfa_finish(HPDF_Doc pdf, const struct pdfa_meta *m, const HPDF_Page *pages,
    size_t npages, char **err)
{
	char *xmp;

	if (!S_output_intent(pdf, err))
		return false;
	S_info(pdf, m);
	xmp = S_xmp(m, HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER));
	S_metadata(pdf, xmp);
	S_catalog(pdf, m);
	S_id(pdf, pages, npages, xmp);
	free(xmp);
	return true;
}
