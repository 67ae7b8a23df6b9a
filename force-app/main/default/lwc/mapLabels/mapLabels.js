// The relationship map's own labels (English, with an Italian translation in
// translations/it.translation-meta.xml); the map's older labels stay in c/tandemLabels.
import mapSearch from '@salesforce/label/c.Tandem_Map_Search';
import mapSearchPlaceholder from '@salesforce/label/c.Tandem_Map_Search_Placeholder';
import mapSearchMatches from '@salesforce/label/c.Tandem_Map_Search_Matches';
import mapSearchNone from '@salesforce/label/c.Tandem_Map_Search_None';
import mapMappedOnly from '@salesforce/label/c.Tandem_Map_Mapped_Only';
import mapChildAccounts from '@salesforce/label/c.Tandem_Map_Child_Accounts';
import mapZoomIn from '@salesforce/label/c.Tandem_Map_Zoom_In';
import mapZoomOut from '@salesforce/label/c.Tandem_Map_Zoom_Out';
import mapFit from '@salesforce/label/c.Tandem_Map_Fit';
import mapZoomLevel from '@salesforce/label/c.Tandem_Map_Zoom_Level';
import mapExpandAll from '@salesforce/label/c.Tandem_Map_Expand_All';
import mapShowReports from '@salesforce/label/c.Tandem_Map_Show_Reports';
import mapHideReports from '@salesforce/label/c.Tandem_Map_Hide_Reports';
import mapFolded from '@salesforce/label/c.Tandem_Map_Folded';
import mapLegendTitle from '@salesforce/label/c.Tandem_Map_Legend_Title';
import mapLegendInfluence from '@salesforce/label/c.Tandem_Map_Legend_Influence';
import mapLegendUnmapped from '@salesforce/label/c.Tandem_Map_Legend_Unmapped';
import mapLegendAttitude from '@salesforce/label/c.Tandem_Map_Legend_Attitude';
import mapLegendReportsTo from '@salesforce/label/c.Tandem_Map_Legend_Reports_To';
import mapLegendLinks from '@salesforce/label/c.Tandem_Map_Legend_Links';
import mapOpenContact from '@salesforce/label/c.Tandem_Map_Open_Contact';
import mapClosePanel from '@salesforce/label/c.Tandem_Map_Close_Panel';
import mapLinkNotMapped from '@salesforce/label/c.Tandem_Map_Link_Not_Mapped';
import mapAccountOf from '@salesforce/label/c.Tandem_Map_Account_Of';
import mapSelectPerson from '@salesforce/label/c.Tandem_Map_Select_Person';
import mapTableLabel from '@salesforce/label/c.Tandem_Map_Table_Label';

export const mapLabels = {
  mapSearch,
  mapSearchPlaceholder,
  mapSearchMatches,
  mapSearchNone,
  mapMappedOnly,
  mapChildAccounts,
  mapZoomIn,
  mapZoomOut,
  mapFit,
  mapZoomLevel,
  mapExpandAll,
  mapShowReports,
  mapHideReports,
  mapFolded,
  mapLegendTitle,
  mapLegendInfluence,
  mapLegendUnmapped,
  mapLegendAttitude,
  mapLegendReportsTo,
  mapLegendLinks,
  mapOpenContact,
  mapClosePanel,
  mapLinkNotMapped,
  mapAccountOf,
  mapSelectPerson,
  mapTableLabel
};
