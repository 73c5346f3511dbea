// Package scantest holds the sample texts that the scanner tests of
// package period and package extract share: each package checks its
// shortcuts against plain regexps on both lists.
package scantest

// Periods are texts with period phrases and near misses.
var Periods = []string{
	"Q2 2004", "2Q04", "H1 2004", "1H 04", "first half of fiscal 2004", "fiscal year ended May 31, 2004", "FY04", "FY '04",
	"nine months ended 5/29/04", "13 weeks ended July 3, 2004", "2004-05-29", "29 May 2004", "December 2004", "Dec. 2004",
	"year-to-date", "thirty-nine weeks ended Oct. 2, 2004", "decrease of 5% in December", "the fiſcal year 2004", "twelve weeKs",
	"SECOND QUARTER OF FISCAL 2004", "second-quarter 2004", "the 2nd quarter '04", "second quarter_ 2004", "May_29, 2004",
	"5May 2004", "May 29,2004", "Mayor 29, 2004", "third quarter of the fiscal year 2003", "full-year 2004", "half-year",
	"fiscal 2004 third quarter", "Q4-2004", "Q3 fiscal 2004", "three months ended May 29, 2004 and May 31, 2003",
	"sept 30 2004", "Sept. 30, 2004", "Mar 1 1999", "marches 1999", "annual", "ytd", "the year ended", "",
	"fiscal-year 2021", "fiscal year end 2003", "FY '04", "fy2004", "2004 second quarter", "fiscal 2004 3rd quarter", "12 months", "52-weeks",
	"twenty-six weeks", "fifty three weeks", "a12 months", "x2004", "20045", "2004_", "19 99", "year-to-date 2004", "half year",
	"second quarter  results", "second quarter - - results", "second - - fiscal -- quarter of the fiscal year '04 and", "first-quarter'04x",
	"fiscal - year - ended   2004", "fiscal year 2004 - first - quarter", "twenty - six - weeks", "full-fiscal years ago", "year - to - date",
	"Sept.  30th ,  2004", "Sept . 30, 2004", "Dec. , 2004", "May ,2004", "fy ' 04", "fy'04", "Q2 - 2004", "May\t29,\n2004",
	"Q2 ' fiscal year '04", "q3 - ' fy ' '05 x", "Q4'04", "xQ2 2004", "Q22004", "$5,123 weeks", "5 ,12 months", "123 weeks", "9\tmonths",
	"1 2-month", "on 5\tSept., 2004", "12 May 2004", "12May 2004", "12 ,May 2004", "7 mayo 2004",
}

// Numbers are texts with figures and near misses.
var Numbers = []string{
	"increased by approximately $2.9 million", "compared to a net loss of approximately $(1.2) million", "as compared with a net profit of",
	"up 12.5 percent", "a decrease of   approximately 3 PER cent", "call (800) 555-1212 or 1-800-555-1212 at 10:30", "approx. 5%",
	"more than\t31 employees", "less  than 5", "as  compared\twith  a  net  income  of  approximately  $4", "from", "vs.$3", "ſome 5 %",
	"increase of\napproximately 7%", "(increased by 4", "Fiscal 2004 ... over 12 stores", "",
	"( $ (1.2) ) million", "($0.23)", "$ .16", "$14.88 billion2 x", "(( 5 %", "1,2345%", "5.%", "– 3.5 %", "-(4)%", "(-4 ) PERCENT",
	"1,234,5678%", "12 per cent", "3 percentage points", "7 Percentage  Point", "$5$6", "5%6%", "(\t7.5\t)\t%", "12 pe", "$(", "$ ",
	"$1,234.5 mm3", "$3 thousanDs", "$3 thouſand", "2 pointſ", "8 percentage pointſ",
	"5 stores", "12,345 units", "x5", "\u212a5", "\xaa5", "\xe2\x805 a", "–5 thousand", "ſ5", "1.5 million units", "(5)", "#12", "a-5", "é7 million",
	"9 thouſand", "1,2345 units", "3.1.4 x", "7",
	"2004", "x2004", "2004x", "20045", "é2004é", "_2004", "2004_", "19992000", "1999 2000", "Dec., 2004", "Dec.2004", "Dec. 2004x",
	"full-year", "full fiscal  year", "FULL - year", "full fiscalyear", "fiscal\tyears", "Fiscal Year-to-date", "fiscal 2004 year",
	"fullyear", "full  year",
}
