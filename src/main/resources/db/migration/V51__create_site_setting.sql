-- Values fixed once for the life of a site, whatever address it is served at: the first is the authority of its feed
-- entry ids (news.gazette.web.SiteSettings). They travel with exports, so an imported site keeps them.
-- Portable SQL: H2 2.x and PostgreSQL both accept every statement here.
create table site_setting (
    name           varchar(100) primary key,
    setting_value  varchar(1000) not null
);
