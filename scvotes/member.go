package scvotes

import (
	"strings"

	"unsc"
	"unsc/internal/lazy"
)

// memberNames lists, for each state that sat on the Council from 1994 to
// 2027, the names the spreadsheet uses and the UN's other spellings of them,
// by UN Digital Library code (ISO 3166-1 alpha-3). A name missing here is an
// error, never a guess.
var memberNames = lazy.Value[map[unsc.Code][]string]{Make: func() map[unsc.Code][]string {
	return map[unsc.Code][]string{
		// Permanent members (Art. 23).
		"CHN": {"China", "People's Republic of China"},
		"FRA": {"France"},
		"RUS": {"Russian Federation", "Russia"},
		"GBR": {"United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "UK"},
		"USA": {"United States", "United States of America", "USA"},

		// Elected members, 1994–2027.
		"ALB": {"Albania"},
		"DZA": {"Algeria"},
		"AGO": {"Angola"},
		"ARG": {"Argentina"},
		"AUS": {"Australia"},
		"AUT": {"Austria"},
		"AZE": {"Azerbaijan"},
		"BHR": {"Bahrain"},
		"BGD": {"Bangladesh"},
		"BEL": {"Belgium"},
		"BEN": {"Benin"},
		"BOL": {"Bolivia", "Bolivia (Plurinational State of)"},
		"BIH": {"Bosnia and Herzegovina"},
		"BWA": {"Botswana"},
		"BRA": {"Brazil"},
		"BGR": {"Bulgaria"},
		"BFA": {"Burkina Faso"},
		"CMR": {"Cameroon"},
		"CAN": {"Canada"},
		"TCD": {"Chad"},
		"CHL": {"Chile"},
		"COL": {"Colombia"},
		"COG": {"Congo", "Republic of the Congo"},
		"COD": {"Democratic Republic of the Congo"},
		"CRI": {"Costa Rica"},
		"CIV": {"Côte d'Ivoire", "Cote d'Ivoire"},
		"HRV": {"Croatia"},
		"CZE": {"Czech Republic", "Czechia"},
		"DNK": {"Denmark"},
		"DJI": {"Djibouti"},
		"DOM": {"Dominican Republic"},
		"ECU": {"Ecuador"},
		"EGY": {"Egypt"},
		"GNQ": {"Equatorial Guinea"},
		"EST": {"Estonia"},
		// "Ethipia" is the spreadsheet's own misspelling (2 rows, S/2018/516).
		"ETH": {"Ethiopia", "Ethipia"},
		"GAB": {"Gabon"},
		"GMB": {"Gambia", "The Gambia"},
		"DEU": {"Germany"},
		"GHA": {"Ghana"},
		"GRC": {"Greece"},
		"GTM": {"Guatemala"},
		"GIN": {"Guinea"},
		"GNB": {"Guinea-Bissau"},
		"GUY": {"Guyana"},
		"HND": {"Honduras"},
		"IND": {"India"},
		"IDN": {"Indonesia"},
		"IRL": {"Ireland"},
		"ITA": {"Italy"},
		"JAM": {"Jamaica"},
		"JPN": {"Japan"},
		"JOR": {"Jordan"},
		"KAZ": {"Kazakhstan"},
		"KEN": {"Kenya"},
		"KWT": {"Kuwait"},
		"LVA": {"Latvia"},
		"LBN": {"Lebanon"},
		"LBR": {"Liberia"},
		"LBY": {"Libya", "Libyan Arab Jamahiriya"},
		"LTU": {"Lithuania"},
		"LUX": {"Luxembourg"},
		"MYS": {"Malaysia"},
		"MLI": {"Mali"},
		"MLT": {"Malta"},
		"MUS": {"Mauritius"},
		"MEX": {"Mexico"},
		"MAR": {"Morocco"},
		"MOZ": {"Mozambique"},
		"NAM": {"Namibia"},
		"NLD": {"Netherlands", "Netherlands (Kingdom of the)"},
		"NZL": {"New Zealand"},
		"NER": {"Niger"},
		"NGA": {"Nigeria"},
		"NOR": {"Norway"},
		"OMN": {"Oman"},
		"PAK": {"Pakistan"},
		"PAN": {"Panama"},
		"PER": {"Peru"},
		"PHL": {"Philippines"},
		"POL": {"Poland"},
		"PRT": {"Portugal"},
		"QAT": {"Qatar"},
		"KOR": {"Republic of Korea"},
		"ROU": {"Romania"},
		"RWA": {"Rwanda"},
		"VCT": {"Saint Vincent and the Grenadines"},
		"SEN": {"Senegal"},
		"SLE": {"Sierra Leone"},
		"SGP": {"Singapore"},
		"SVK": {"Slovakia"},
		"SVN": {"Slovenia"},
		"SOM": {"Somalia"},
		"ZAF": {"South Africa"},
		"ESP": {"Spain"},
		"SWE": {"Sweden"},
		"CHE": {"Switzerland"},
		"SYR": {"Syria", "Syrian Arab Republic"},
		"TZA": {"Tanzania", "United Republic of Tanzania"},
		"TGO": {"Togo"},
		"TUN": {"Tunisia"},
		"TUR": {"Turkey", "Türkiye"},
		"UGA": {"Uganda"},
		"UKR": {"Ukraine"},
		"ARE": {"United Arab Emirates"},
		"URY": {"Uruguay"},
		"VEN": {"Venezuela", "Venezuela (Bolivarian Republic of)"},
		"VNM": {"Viet Nam", "Vietnam"},
	}
}}

// permanent lists the permanent members (Art. 23) in the Council's order.
var permanent = [...]unsc.Code{"CHN", "FRA", "RUS", "GBR", "USA"}

// byName maps each name as written, and each name folded by foldName, to its
// code. Exact spellings hit the first lookup; the folded one catches case,
// spacing and apostrophe variants.
var byName = lazy.Value[map[string]unsc.Code]{Make: func() map[string]unsc.Code {
	m := make(map[string]unsc.Code, 4*len(memberNames.Get()))
	for code, names := range memberNames.Get() {
		for _, n := range names {
			m[n] = code
			m[foldName(n)] = code
		}
	}
	return m
}}

// memberCode returns the code of a member's name as the spreadsheet writes it.
func memberCode(name string) (unsc.Code, bool) {
	if c, ok := byName.Get()[name]; ok {
		return c, true
	}
	c, ok := byName.Get()[foldName(name)]
	return c, ok
}

// foldName lower-cases a name, collapses its white space (no-break spaces
// included) and writes every apostrophe as "'".
func foldName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "\u2019", "'")
	return strings.ToLower(s)
}
